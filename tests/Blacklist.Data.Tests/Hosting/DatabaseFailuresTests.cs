using System.Net.Sockets;
using Blacklist.Data.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Blacklist.Data.Tests.Hosting;

public sealed class DatabaseFailuresTests
{
    [Fact]
    public void A_refused_or_lost_connection_a_timeout_or_a_server_shutting_down_is_unreachable()
    {
        DatabaseFailures.IsUnreachable(new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused))).ShouldBeTrue();
        DatabaseFailures.IsUnreachable(new NpgsqlException("Exception while reading from stream", new IOException("reset"))).ShouldBeTrue();
        DatabaseFailures.IsUnreachable(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)).ShouldBeTrue();
        DatabaseFailures.IsUnreachable(new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)).ShouldBeTrue();
        DatabaseFailures.IsUnreachable(new InvalidOperationException("wrapped", new TimeoutException())).ShouldBeTrue();
        DatabaseFailures.IsUnreachable(new SqliteException("unable to open database file", 14)).ShouldBeTrue();
    }

    [Fact]
    public void An_error_the_database_answered_with_is_not_unreachable_but_is_a_database_failure()
    {
        var missingTable = new PostgresException("relation \"indicators\" does not exist", "ERROR", "ERROR", PostgresErrorCodes.UndefinedTable);
        var constraint = new SqliteException("constraint failed", 19);

        DatabaseFailures.IsUnreachable(missingTable).ShouldBeFalse();
        DatabaseFailures.IsUnreachable(constraint).ShouldBeFalse();
        DatabaseFailures.IsUnreachable(new InvalidOperationException("not a database error")).ShouldBeFalse();
        DatabaseFailures.IsDatabaseFailure(missingTable).ShouldBeTrue();
        DatabaseFailures.IsDatabaseFailure(constraint).ShouldBeTrue();
        DatabaseFailures.IsDatabaseFailure(new ArgumentException("bad input")).ShouldBeFalse();
    }

    [Fact]
    public void The_reason_is_the_socket_error_or_the_server_message_never_the_wrapper()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        DatabaseFailures.Reason(refused).ShouldBe(new SocketException((int)SocketError.ConnectionRefused).Message);
        DatabaseFailures.Reason(new PostgresException("too many clients already", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections))
            .ShouldBe("too many clients already (SQLSTATE 53300)");
        DatabaseFailures.Reason(new NpgsqlException("timeout", new TimeoutException())).ShouldBe("no answer in time");
    }
}
