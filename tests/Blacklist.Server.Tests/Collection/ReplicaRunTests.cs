using System.Text.Json;
using Blacklist.Data.Contracts;
using Blacklist.Data.Hosting;
using Blacklist.Server.Collection;
using Blacklist.Server.Tests.Infrastructure;
using Blacklist.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Blacklist.Server.Tests.Collection;

/// <summary>
/// Runs across replicas: hosts on one PostgreSQL database (whatever provider the test run selected)
/// run a source once between them, and runs a stopped process left unfinished are abandoned.
/// </summary>
public sealed class ReplicaRunTests : IAsyncLifetime
{
    private static readonly string Feed = string.Join('\n', Enumerable.Range(1, 50).Select(i => $"198.51.100.{i}")) + "\n";

    private LocalFeedServer feeds = null!;

    public async Task InitializeAsync() => feeds = await LocalFeedServer.StartAsync();

    public async Task DisposeAsync() => await feeds.DisposeAsync();

    [Fact]
    public async Task A_trigger_on_one_replica_while_another_runs_the_source_is_409_with_that_run()
    {
        feeds.Serve("/feed.txt", FeedResponse.Text(Feed) with { Delay = TimeSpan.FromSeconds(2) });
        var database = await SharedPostgres.DatabaseForAsync("replica-runs-" + Guid.NewGuid());
        await using var a = Replica(database);
        var onA = a.CreateClient();
        await using var b = Replica(database);
        var onB = b.CreateClient();

        var first = await onA.TriggerAsync("feed");
        var problem = await (await onB.PostAsync("/api/collection/feed/trigger", null)).ProblemAsync(409);

        problem.GetProperty("runId").GetInt64().ShouldBe(first);
        (await onB.WaitForRunAsync(first)).GetProperty("status").GetString().ShouldBe("succeeded");
        (await onB.TriggerAndWaitAsync("feed")).GetProperty("status").GetString().ShouldBe("succeeded", "A's run ended, so B may run the source");
    }

    [Fact]
    public async Task A_trigger_while_another_replica_releases_the_source_after_its_run_waits_for_it_instead_of_answering_409()
    {
        feeds.Serve("/feed.txt", FeedResponse.Text(Feed));
        var database = await SharedPostgres.DatabaseForAsync("replica-release-" + Guid.NewGuid());
        await using var a = Replica(database);
        var client = a.CreateClient();

        // Another replica holds the source with no run of it unfinished: it has recorded its run's end
        // and is about to release the lock, as when a client saw that run finish and triggers here at once.
        var otherReplica = new PostgresSourceRunLocks(new DataOptions { Provider = DatabaseProviders.Postgres, ConnectionString = database });
        var held = (await otherReplica.TryTakeAsync("feed", TimeSpan.Zero, CancellationToken.None)).ShouldNotBeNull();
        var trigger = client.PostAsync("/api/collection/feed/trigger", null);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!trigger.IsCompleted && !await PostgresSourceRunLocksTests.HasWaiterAsync(database, "feed") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        trigger.IsCompleted.ShouldBeFalse("the trigger waits for the finishing replica's lock");
        await held.DisposeAsync();

        var response = await trigger;
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await client.WaitForRunAsync((await response.JsonAsync()).GetProperty("runId").GetInt64())).GetProperty("status").GetString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task A_run_whose_replica_lost_the_source_lock_stays_abandoned_and_applies_nothing_when_its_data_arrives()
    {
        feeds.Serve("/feed.txt", FeedResponse.Text(Feed) with { Delay = TimeSpan.FromSeconds(3) });
        var database = await SharedPostgres.DatabaseForAsync("replica-lost-lock-" + Guid.NewGuid());
        await using var a = Replica(database);
        var onA = a.CreateClient();
        await using var b = Replica(database);
        var onB = b.CreateClient();

        // A's lock session ends mid-run (a network cut): B may take the source over and abandons A's run.
        var lost = await onA.TriggerAsync("feed");
        (await PostgresSourceRunLocksTests.TerminateHolderAsync(database, "feed")).ShouldBe(1);
        var takeover = await onB.TriggerAsync("feed");

        (await onB.WaitForRunAsync(takeover)).GetProperty("status").GetString().ShouldBe("succeeded");

        // A fetched first, so its data came back before B's: refused on arrival, not recorded as a success.
        await Task.Delay(500);
        ShouldBeAbandoned(await RunAsync(onA, lost));
        feeds.RequestsTo("/feed.txt").Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_run_left_by_a_replica_that_died_is_abandoned_when_the_source_is_free_and_left_alone_while_it_is_held()
    {
        feeds.Serve("/feed.txt", FeedResponse.Text(Feed));
        var database = await SharedPostgres.DatabaseForAsync("replica-orphans-" + Guid.NewGuid());
        await using var a = Replica(database);
        var client = a.CreateClient();
        var orphan = await RecordUnfinishedRunAsync(a);
        var otherReplica = new PostgresSourceRunLocks(new DataOptions { Provider = DatabaseProviders.Postgres, ConnectionString = database });

        await using (var held = await otherReplica.TryTakeAsync("feed", TimeSpan.Zero, CancellationToken.None))
        {
            held.ShouldNotBeNull();
            (await (await client.PostAsync("/api/collection/feed/trigger", null)).ProblemAsync(409)).GetProperty("runId").GetInt64().ShouldBe(orphan);
            (await RunAsync(client, orphan)).GetProperty("status").GetString().ShouldBe("running", "the replica holding the source may still be running it");
        }

        var next = await client.TriggerAsync("feed");

        ShouldBeAbandoned(await RunAsync(client, orphan));
        (await client.WaitForRunAsync(next)).GetProperty("status").GetString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task Runs_left_unfinished_by_a_stopped_process_are_abandoned_when_the_service_starts_again()
    {
        var first = Host(null);
        first.KeepDataDirectory = true;
        long orphan;
        await using (first)
        {
            orphan = await RecordUnfinishedRunAsync(first);
        }

        try
        {
            await using var restarted = Host(first.DataDirectory);

            ShouldBeAbandoned(await restarted.CreateClient().WaitForRunAsync(orphan));
        }
        finally
        {
            BlacklistAppFactory.TryDelete(first.DataDirectory);
        }
    }

    private static void ShouldBeAbandoned(JsonElement run)
    {
        run.GetProperty("status").GetString().ShouldBe("failed");
        run.GetProperty("error").GetString()!.ShouldStartWith("abandoned: the replica running it stopped");
    }

    // A run recorded and started by a process that then died: queued or running, and nobody holds its source.
    private static async Task<long> RecordUnfinishedRunAsync(BlacklistAppFactory host)
    {
        var runs = host.Services.GetRequiredService<ICollectionRunStore>();
        var run = await runs.CreateAsync(new NewRun("feed", "http", "manual", host.Time.GetUtcNow()), CancellationToken.None);
        await runs.MarkRunningAsync(run, host.Time.GetUtcNow(), CancellationToken.None);
        return run;
    }

    private static async Task<JsonElement> RunAsync(HttpClient client, long id) => await (await client.GetAsync($"/api/collection/runs/{id}")).JsonAsync();

    /// <summary>A host whose scheduler is off, so only the test's triggers run (the provider the test run selected).</summary>
    private BlacklistAppFactory Host(string? dataDirectory) => new BlacklistAppFactory(dataDirectory)
        .With("Blacklist:Collection:Scheduler", "false")
        .With("Blacklist:Http:Retries", "0")
        .WithHttpSource("feed", feeds.UrlFor("/feed.txt"));

    /// <summary>A replica on the given PostgreSQL database, with its own data directory.</summary>
    private BlacklistAppFactory Replica(string database) => Host(null)
        .With("Database:Provider", DatabaseProviders.Postgres)
        .With("ConnectionStrings:Blacklist", database);
}
