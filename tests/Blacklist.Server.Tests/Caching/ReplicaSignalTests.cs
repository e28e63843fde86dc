using System.Text.Json;
using Blacklist.Server.Tests.Infrastructure;
using Blacklist.Server.Tests.Observability;
using Blacklist.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Blacklist.Server.Tests.Caching;

/// <summary>Two replicas (two hosts on one SQLite database file) and one real Redis.</summary>
[Collection(nameof(ProcessWideMetrics))]
public sealed class ReplicaSignalTests
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task An_entry_added_on_one_replica_is_served_by_the_other_within_two_seconds_through_pub_sub_also_after_an_outage()
    {
        using var redis = await RedisServer.StartAsync();

        // Fake clocks nobody advances: the replicas never poll, so only the signal can tell them.
        await using var replicas = Replicas.Start(factory => RedisFallbackTests.WithRedis(factory, redis));
        var (a, b) = (replicas.A, replicas.B);

        await a.Client.AddManualAsync(new { ip = "45.1.2.3", reason = "seen on A" });
        await CacheProbe.WaitUntilAsync(async () => (await b.Client.ActiveLinesAsync()).Contains("45.1.2.3"), Promise, "B serving A's entry");

        redis.Stop();
        await CacheProbe.WaitUntilAsync(async () => (await b.Client.CacheAsync()).Status == "memory", TimeSpan.FromSeconds(10), "B noticing the outage");
        await redis.StartAgainAsync();
        await CacheProbe.WaitUntilAsync(async () => (await a.Client.CacheAsync()).Status == "redis" && (await b.Client.CacheAsync()).Status == "redis", TimeSpan.FromSeconds(10), "both reconnecting");

        await b.Client.AddManualAsync(new { ip = "45.1.2.4", reason = "seen on B" });
        await CacheProbe.WaitUntilAsync(async () => (await a.Client.ActiveLinesAsync()).Contains("45.1.2.4"), Promise, "A serving B's entry after the outage");
    }

    [Fact]
    public async Task With_redis_down_a_replica_still_serves_the_others_entry_within_two_seconds_by_polling()
    {
        using var redis = await RedisServer.StartAsync();
        await using var replicas = Replicas.Start(factory => PollingReplica(factory, redis));
        var (a, b) = (replicas.A, replicas.B);

        redis.Stop();
        await CacheProbe.WaitUntilAsync(async () => (await a.Client.CacheAsync()).Status == "memory" && (await b.Client.CacheAsync()).Status == "memory", TimeSpan.FromSeconds(10), "both noticing the outage");
        await a.Client.AddManualAsync(new { ip = "45.1.2.3", reason = "seen on A" });

        await CacheProbe.WaitUntilAsync(async () => (await b.Client.ActiveLinesAsync()).Contains("45.1.2.3"), Promise, "B serving A's entry by polling");
    }

    [Fact]
    public async Task A_replica_at_the_same_version_serves_the_list_another_replica_rendered()
    {
        using var redis = await RedisServer.StartAsync();
        // B's clock runs a minute ahead: a list B rendered itself would say so in generated_at.
        var later = new FakeTimeProvider(BlacklistAppFactory.Start.AddMinutes(1));
        await using var replicas = Replicas.Start(factory => RedisFallbackTests.WithRedis(factory, redis), later);
        var (a, b) = (replicas.A, replicas.B);
        await a.Client.AddManualAsync(new { ip = "45.1.2.3", reason = "seen on A" });
        await CacheProbe.WaitUntilAsync(async () => (await b.Client.ActiveLinesAsync()).Contains("45.1.2.3"), Promise, "B serving A's entry");
        b.Factory.CurrentVersion.ShouldBe(a.Factory.CurrentVersion);

        var onA = await a.Client.GetAsync("/api/blacklist/active?format=json");
        await using var direct = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var server = direct.GetServer(direct.GetEndPoints()[0]);
        await CacheProbe.WaitUntilAsync(() => server.HasKeyAsync("blacklist:payload:json:*"), TimeSpan.FromSeconds(10), "A's json list stored in redis");
        var onB = await b.Client.GetAsync("/api/blacklist/active?format=json");

        var json = await onB.Content.ReadAsStringAsync();
        json.ShouldBe(await onA.Content.ReadAsStringAsync());
        JsonDocument.Parse(json).RootElement.GetProperty("generated_at").GetDateTime().ShouldBeLessThan(later.GetUtcNow().UtcDateTime, "B's own render would carry B's clock");
        onB.Headers.ETag.ShouldBe(onA.Headers.ETag);
        (await b.Client.GetStringAsync("/metrics")).ShouldContain("blacklist_cache_requests_total{result=\"redis_hit\"}");
    }

    /// <summary>Two replicas on one database (a SQLite file, or one PostgreSQL database): A creates and migrates it, then B starts.</summary>
    internal sealed class Replicas(ServedApp a, ServedApp b) : IAsyncDisposable
    {
        public ServedApp A { get; } = a;

        public ServedApp B { get; } = b;

        public static Replicas Start(Func<BlacklistAppFactory, BlacklistAppFactory> configure, FakeTimeProvider? clockOfB = null, FakeTimeProvider? clockOfA = null)
        {
            var a = ServedApp.Start(configure(new BlacklistAppFactory(clock: clockOfA)));
            _ = a.Factory.CurrentVersion;
            var b = ServedApp.Start(configure(new BlacklistAppFactory(a.Factory.DataDirectory, clockOfB)));
            _ = b.Factory.CurrentVersion;
            return new Replicas(a, b);
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }
    }

    // Real time and a one-second poll: without the signal, polling alone must be quick enough.
    private static BlacklistAppFactory PollingReplica(BlacklistAppFactory factory, RedisServer redis)
        => RedisFallbackTests.WithRedis(factory, redis)
            .With("Blacklist:Snapshot:PollInterval", "00:00:01")
            .WithServices(services => services.Replace(ServiceDescriptor.Singleton(TimeProvider.System)));
}
