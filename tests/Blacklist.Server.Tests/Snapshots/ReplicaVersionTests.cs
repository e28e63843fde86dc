using System.Net.Http.Json;
using Blacklist.Server.Tests.Caching;
using Blacklist.Server.Tests.Feeds;
using Blacklist.Server.Tests.Infrastructure;
using Blacklist.Server.Tests.Observability;
using Blacklist.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Server.Tests.Snapshots;

/// <summary>
/// Two replicas on one database (and one Redis) number snapshots alike: the version is the
/// database's change counter, so a client may follow <c>changes?since=V</c> through either.
/// </summary>
[Collection(nameof(ProcessWideMetrics))]
public sealed class ReplicaVersionTests
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Two_replicas_reach_the_same_version_and_etag_after_a_change_and_after_an_expiry_that_advances_the_version_once()
    {
        using var redis = await RedisServer.StartAsync();
        var clock = new FakeTimeProvider(BlacklistAppFactory.Start);
        await using var replicas = ReplicaSignalTests.Replicas.Start(factory => RedisFallbackTests.WithRedis(factory, redis), clockOfB: clock, clockOfA: clock);
        var (a, b) = (replicas.A, replicas.B);

        await a.Client.AddManualAsync(new { ip = "45.1.2.3", reason = "short", expiresAt = BlacklistAppFactory.Start.AddHours(1) });
        await a.Client.AddManualAsync(new { ip = "45.1.2.4", reason = "long" });
        await CacheProbe.WaitUntilAsync(async () => (await b.Client.ActiveLinesAsync()).Contains("45.1.2.4") && (await a.Client.ActiveLinesAsync()).Contains("45.1.2.4"), Promise, "both serving the change");
        var afterChange = await SameListAsync(a, b);

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await CacheProbe.WaitUntilAsync(async () => !(await a.Client.ActiveLinesAsync()).Contains("45.1.2.3") && !(await b.Client.ActiveLinesAsync()).Contains("45.1.2.3"), Promise, "both dropping the expired entry");
        var afterExpiry = await SameListAsync(a, b);

        afterExpiry.ShouldBe(afterChange + 1, "the first replica to notice the expiry advanced the counter; the other loaded its version");
        var changes = await b.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/blacklist/changes?since={afterChange}");
        changes.GetProperty("removed").EnumerateArray().Select(r => r.GetString()).ShouldBe(["45.1.2.3"]);
    }

    [Fact]
    public async Task A_replica_still_loading_a_version_another_serves_asks_the_client_to_retry_and_then_answers_its_changes()
    {
        // No Redis and clocks nobody advances: B learns of A's change only when its clock reaches the next poll.
        await using var replicas = ReplicaSignalTests.Replicas.Start(factory => factory);
        var (a, b) = (replicas.A, replicas.B);
        var before = b.Factory.CurrentVersion;
        await a.BlockAsync("45.1.2.3");
        await FeedsApiTests.WaitForFeedsAsync(a);
        var onA = a.Factory.CurrentVersion;

        using var lagging = await b.Client.GetAsync($"/api/blacklist/changes?since={onA}");
        ((int)lagging.StatusCode).ShouldBe(503);
        lagging.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        (await b.Client.GetAsync($"/api/blacklist/changes?since={onA + 1}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest, "no replica served that version");

        b.Factory.Time.Advance(TimeSpan.FromSeconds(5));
        await b.Factory.WaitForSnapshotAfterAsync(before);
        await FeedsApiTests.WaitForFeedsAsync(b);

        b.Factory.CurrentVersion.ShouldBe(onA);
        (await b.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/blacklist/changes?since={onA}")).GetProperty("addedCount").GetInt32().ShouldBe(0);
        var changes = await b.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/blacklist/changes?since={before}");
        changes.GetProperty("added").EnumerateArray().Select(r => r.GetString()).ShouldBe(["45.1.2.3"]);
    }

    // Both serve one list: the same X-Snapshot-Version and ETag (and so the same bytes). Returns the version.
    private static async Task<long> SameListAsync(ServedApp a, ServedApp b)
    {
        a.Factory.CurrentVersion.ShouldBe(b.Factory.CurrentVersion);
        using var onA = await a.Client.GetAsync("/api/blacklist/active");
        using var onB = await b.Client.GetAsync("/api/blacklist/active");
        var version = onA.Headers.GetValues("X-Snapshot-Version").Single();
        onB.Headers.GetValues("X-Snapshot-Version").Single().ShouldBe(version);
        onB.Headers.ETag.ShouldNotBeNull();
        onB.Headers.ETag.ShouldBe(onA.Headers.ETag);
        return long.Parse(version, System.Globalization.CultureInfo.InvariantCulture);
    }
}
