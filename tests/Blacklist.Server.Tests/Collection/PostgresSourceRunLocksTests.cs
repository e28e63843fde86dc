using Blacklist.Data.Hosting;
using Blacklist.Server.Collection;
using Blacklist.Testing;
using Npgsql;

namespace Blacklist.Server.Tests.Collection;

/// <summary>Two replicas' source run locks on one real PostgreSQL database, whatever provider the run selected.</summary>
public sealed class PostgresSourceRunLocksTests
{
    [Fact]
    public async Task A_source_runs_on_one_replica_at_a_time_and_is_free_again_when_its_holder_ends_or_dies()
    {
        var (database, a, b) = await TwoReplicasAsync("run-locks-");

        var held = await a.TryTakeAsync("feed", TimeSpan.Zero, CancellationToken.None);
        held.ShouldNotBeNull();
        (await b.TryTakeAsync("feed", TimeSpan.Zero, CancellationToken.None)).ShouldBeNull("replica A runs feed");
        await using (var other = await b.TryTakeAsync("other-feed", TimeSpan.Zero, CancellationToken.None))
        {
            other.ShouldNotBeNull("another source is not held");
        }

        await held.DisposeAsync();
        var taken = await b.TryTakeAsync("feed", TimeSpan.Zero, CancellationToken.None);
        taken.ShouldNotBeNull("A's run ended");

        // B's session dies (its pod is killed): the lock goes with it.
        (await TerminateHolderAsync(database, "feed")).ShouldBe(1);
        await using var afterDeath = await a.TryTakeAsync("feed", TimeSpan.Zero, CancellationToken.None);
        afterDeath.ShouldNotBeNull();
        await taken.DisposeAsync();
    }

    [Fact]
    public async Task A_waiting_take_gets_the_lock_as_its_holder_releases_it_and_gives_up_after_its_wait()
    {
        var (database, a, b) = await TwoReplicasAsync("run-lock-waits-");
        var held = (await a.TryTakeAsync("feed", TimeSpan.Zero, CancellationToken.None)).ShouldNotBeNull();

        (await b.TryTakeAsync("feed", TimeSpan.FromMilliseconds(200), CancellationToken.None)).ShouldBeNull("A still holds feed after B's wait");
        var waiting = b.TryTakeAsync("feed", TimeSpan.FromSeconds(30), CancellationToken.None);
        while (!waiting.IsCompleted && !await HasWaiterAsync(database, "feed"))
        {
            await Task.Delay(20);
        }

        waiting.IsCompleted.ShouldBeFalse("B waits while A holds feed");

        await held.DisposeAsync();
        await using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        taken.ShouldNotBeNull("A released feed during B's wait");
    }

    [Fact]
    public void The_key_of_a_source_is_the_same_in_every_replica_and_differs_between_sources()
    {
        PostgresSourceRunLocks.KeyOf("feed").ShouldBe(PostgresSourceRunLocks.KeyOf("feed"));
        PostgresSourceRunLocks.KeyOf("feed").ShouldNotBe(PostgresSourceRunLocks.KeyOf("Feed"));
        PostgresSourceRunLocks.KeyOf("regtech").ShouldNotBe(PostgresSourceRunLocks.KeyOf("secudium"));
    }

    /// <summary>The run locks of two replicas on a fresh database.</summary>
    private static async Task<(string Database, PostgresSourceRunLocks A, PostgresSourceRunLocks B)> TwoReplicasAsync(string name)
    {
        var database = await SharedPostgres.DatabaseForAsync(name + Guid.NewGuid());
        var options = new DataOptions { Provider = DatabaseProviders.Postgres, ConnectionString = database };
        return (database, new PostgresSourceRunLocks(options), new PostgresSourceRunLocks(options));
    }

    /// <summary>True while a session waits for the source's lock.</summary>
    internal static async Task<bool> HasWaiterAsync(string database, string source)
        => await CountAsync(database, source, $"SELECT count(*)::int {SourceLockRows} AND NOT granted") > 0;

    /// <summary>Ends the session holding the source's lock (as when its replica is cut off); returns how many were ended.</summary>
    internal static Task<int> TerminateHolderAsync(string database, string source)
        // With a timeout, pg_terminate_backend waits until the backend has exited and so released its locks.
        => CountAsync(database, source, $"SELECT count(*)::int FROM (SELECT pg_terminate_backend(pid, 10000) {SourceLockRows} AND granted) AS t");

    // The pg_locks rows of a source's run lock in the current database, waiting or granted.
    private const string SourceLockRows = "FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        + "AND classid = @class::oid AND objid = @key::oid AND objsubid = 2";

    private static async Task<int> CountAsync(string database, string source, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("class", (long)(uint)PostgresSourceRunLocks.LockClass);
        command.Parameters.AddWithValue("key", (long)(uint)PostgresSourceRunLocks.KeyOf(source));
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
