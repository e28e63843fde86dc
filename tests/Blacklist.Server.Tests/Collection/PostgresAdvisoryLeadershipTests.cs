using Blacklist.Data.Hosting;
using Blacklist.Server.Collection;
using Blacklist.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Blacklist.Server.Tests.Collection;

/// <summary>Two replicas on one real PostgreSQL database, whatever provider the run selected.</summary>
public sealed class PostgresAdvisoryLeadershipTests
{
    [Fact]
    public async Task Exactly_one_replica_leads_and_the_other_takes_over_when_the_leaders_connection_dies()
    {
        var database = await SharedPostgres.DatabaseForAsync("leadership-" + Guid.NewGuid());
        var options = new DataOptions { Provider = DatabaseProviders.Postgres, ConnectionString = database };
        await using var first = new PostgresAdvisoryLeadership(options, NullLogger<PostgresAdvisoryLeadership>.Instance);
        await using var second = new PostgresAdvisoryLeadership(options, NullLogger<PostgresAdvisoryLeadership>.Instance);

        (await first.IsLeaderAsync(CancellationToken.None)).ShouldBeTrue();
        (await second.IsLeaderAsync(CancellationToken.None)).ShouldBeFalse();
        (await first.IsLeaderAsync(CancellationToken.None)).ShouldBeTrue("asking again keeps the lead");
        (await second.IsLeaderAsync(CancellationToken.None)).ShouldBeFalse();

        // The leader's session dies (as when its pod is killed or the network drops it).
        (await TerminateLockHolderAsync(database)).ShouldBe(1);

        (await second.IsLeaderAsync(CancellationToken.None)).ShouldBeTrue();
        (await first.IsLeaderAsync(CancellationToken.None)).ShouldBeFalse("the old leader notices its lock is gone and does not take it back");

        // A clean stop releases the lock at once.
        await second.DisposeAsync();
        (await first.IsLeaderAsync(CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_leader_that_stops_cleanly_hands_over_at_once_every_time()
    {
        var database = await SharedPostgres.DatabaseForAsync("leadership-handover-" + Guid.NewGuid());
        var options = new DataOptions { Provider = DatabaseProviders.Postgres, ConnectionString = database };
        var leader = new PostgresAdvisoryLeadership(options, NullLogger<PostgresAdvisoryLeadership>.Instance);
        (await leader.IsLeaderAsync(CancellationToken.None)).ShouldBeTrue();

        // Closing the session alone frees the lock only once the backend has exited; asked in that
        // moment, the next replica would find it taken. Many rounds make that moment show.
        for (var round = 0; round < 100; round++)
        {
            var next = new PostgresAdvisoryLeadership(options, NullLogger<PostgresAdvisoryLeadership>.Instance);
            (await next.IsLeaderAsync(CancellationToken.None)).ShouldBeFalse();
            await leader.DisposeAsync();
            (await next.IsLeaderAsync(CancellationToken.None)).ShouldBeTrue($"round {round}: the stopped leader's lock is free");
            leader = next;
        }

        await leader.DisposeAsync();
    }

    [Fact]
    public async Task Without_a_reachable_database_no_replica_leads()
    {
        var options = new DataOptions { Provider = DatabaseProviders.Postgres, ConnectionString = $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Timeout=2" };
        await using var leadership = new PostgresAdvisoryLeadership(options, NullLogger<PostgresAdvisoryLeadership>.Instance);

        (await leadership.IsLeaderAsync(CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task The_locks_session_has_server_side_keepalives_so_a_vanished_leaders_lock_is_freed_in_seconds_not_hours()
    {
        var database = await SharedPostgres.DatabaseForAsync("leadership-keepalive");
        var lockConnection = PostgresAdvisoryLeadership.LockConnectionString(database + ";Options=-c statement_timeout=60000");
        await using var connection = new NpgsqlConnection(lockConnection);
        await connection.OpenAsync();

        (await ShowAsync(connection, "tcp_keepalives_idle")).ShouldBe("10");
        (await ShowAsync(connection, "tcp_keepalives_interval")).ShouldBe("5");
        (await ShowAsync(connection, "tcp_keepalives_count")).ShouldBe("3");
        (await ShowAsync(connection, "statement_timeout")).ShouldBe("1min", "options already configured are kept");
        new NpgsqlConnectionStringBuilder(lockConnection).Pooling.ShouldBeFalse("a pooled connection would keep the lock after it is returned");
    }

    private static async Task<string> ShowAsync(NpgsqlConnection connection, string setting)
    {
        await using var command = new NpgsqlCommand("SHOW " + setting, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> TerminateLockHolderAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        // With a timeout, pg_terminate_backend waits until the backend has exited and so released its locks.
        await using var command = new NpgsqlCommand(
            "SELECT count(*)::int FROM (SELECT pg_terminate_backend(pid, 10000) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND ((classid::bigint << 32) | objid::bigint) = @key AND granted) AS t", connection);
        command.Parameters.AddWithValue("key", PostgresAdvisoryLeadership.LockKey);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
