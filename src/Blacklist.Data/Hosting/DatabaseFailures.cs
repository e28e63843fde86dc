using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Blacklist.Data.Hosting;

/// <summary>
/// Tells an unreachable database (refused or lost connection, no answer in time, a server shutting
/// down) from an error the database answered with, on either provider; callers fall back (serve the
/// last snapshot, trust a recently verified key) only in the first case.
/// </summary>
public static class DatabaseFailures
{
    // SQLite primary result codes that mean the file could not be used now, not that a statement was wrong.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteCannotOpen = 14;

    /// <summary>True when <paramref name="exception"/> or one it wraps says the database could not be reached.</summary>
    public static bool IsUnreachable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Class 08: connection exception; 57P: admin/crash shutdown, cannot connect now; 53300: too many connections.
                case PostgresException server:
                    return server.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || server.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || server.SqlState == PostgresErrorCodes.TooManyConnections;

                // Any other Npgsql failure is on the client's side of the wire: connect, I/O, timeout, pool.
                case NpgsqlException:
                case TimeoutException:
                case SocketException:
                    return true;
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteIoError or SqliteCannotOpen;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="exception"/> or one it wraps came from the database (reachable or not).</summary>
    public static bool IsDatabaseFailure(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException)
            {
                return true;
            }
        }

        return IsUnreachable(exception);
    }

    /// <summary>
    /// The most telling short reason for a person: the socket's error ("Connection refused"), the
    /// server's message, or a timeout; never a stack trace or a connection string.
    /// </summary>
    public static string Reason(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string? reason = null;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SocketException socket:
                    return socket.Message;
                case PostgresException server:
                    return $"{server.MessageText} (SQLSTATE {server.SqlState})";
                case TimeoutException:
                    return "no answer in time";
                case DbException database:
                    reason ??= database.Message;
                    break;
            }
        }

        return reason ?? exception.Message;
    }
}
