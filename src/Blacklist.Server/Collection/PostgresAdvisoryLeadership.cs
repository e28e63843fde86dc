using System.Data;
using Blacklist.Data.Hosting;
using Npgsql;

namespace Blacklist.Server.Collection;

/// <summary>
/// Leadership among replicas on one PostgreSQL database: the leader holds a session advisory lock
/// on a dedicated, unpooled connection it keeps open. Each question first checks that connection
/// still answers; when it died (server restart, network cut, terminated backend) the lock died with
/// it, leadership is lost, and the next question tries to take the lock again on a new connection,
/// so another replica takes over within one scheduler tick of the old leader's end.
/// </summary>
internal sealed partial class PostgresAdvisoryLeadership(DataOptions options, ILogger<PostgresAdvisoryLeadership> logger) : ICollectionLeadership, IAsyncDisposable
{
    /// <summary>The advisory lock key of scheduled collection ("blcoll" in ASCII), the same in every replica.</summary>
    public const long LockKey = 0x626C636F6C6C;

    /// <summary>
    /// Server-side TCP keepalives of the lock's session: when the leader's host vanishes without
    /// closing the connection (node lost, network cut), PostgreSQL ends the session, and frees the
    /// lock, after about 10 + 3 × 5 s instead of the kernel's default of two hours.
    /// </summary>
    private const string ServerKeepAlives = "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3";

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string connectionString = LockConnectionString(options.ConnectionString);

    private NpgsqlConnection? connection;
    private bool leader;

    public async ValueTask<bool> IsLeaderAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (leader && await StillConnectedAsync(cancellationToken))
            {
                return true;
            }

            if (leader)
            {
                leader = false;
                LogLost(logger);
            }

            leader = await TryAcquireAsync(cancellationToken);
            if (leader)
            {
                LogAcquired(logger);
            }

            return leader;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The connection string of the session that holds the lock, made from the configured one.</summary>
    internal static string LockConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured)
        {
            // A pooled connection would go back to the pool still holding the session lock.
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = "blacklist-collection-leader",
        };
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? ServerKeepAlives : builder.Options + " " + ServerKeepAlives;
        return builder.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        // A replica that stops cleanly hands over without delay. The lock is released explicitly:
        // closing the session alone frees it only once the server's backend has exited, a moment
        // later, and a replica asking in that moment would find it still taken.
        if (leader)
        {
            await ReleaseAsync();
        }

        await CloseAsync();
        gate.Dispose();
    }

    private async Task<bool> StillConnectedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            await CloseAsync();
            return false;
        }
    }

    private async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (connection is not { State: ConnectionState.Open })
            {
                await CloseAsync();
                connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
            }

            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            return await command.ExecuteScalarAsync(cancellationToken) is true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The database is down: nobody can be sure to lead, so this replica does not.
            LogUnavailable(logger, e.GetType().Name);
            await CloseAsync();
            return false;
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection) { CommandTimeout = 2 };
            command.Parameters.AddWithValue("key", LockKey);
            await command.ExecuteScalarAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The session is gone already, and the lock with it.
        }

        leader = false;
    }

    private async Task CloseAsync()
    {
        if (connection is { } open)
        {
            connection = null;
            await open.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 4520, Level = LogLevel.Information, Message = "This replica now runs scheduled collection (PostgreSQL advisory lock taken)")]
    private static partial void LogAcquired(ILogger logger);

    [LoggerMessage(EventId = 4521, Level = LogLevel.Warning, Message = "Collection leadership lost: the connection holding the advisory lock is gone; trying to take it again")]
    private static partial void LogLost(ILogger logger);

    [LoggerMessage(EventId = 4522, Level = LogLevel.Warning, Message = "Collection leadership unknown: PostgreSQL did not answer ({Error}); not collecting on schedule until it does")]
    private static partial void LogUnavailable(ILogger logger, string error);
}
