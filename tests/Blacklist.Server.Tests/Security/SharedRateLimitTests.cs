using System.Net;
using Blacklist.Data.Security;
using Blacklist.Server.Tests.Caching;
using Blacklist.Server.Tests.Infrastructure;
using Blacklist.Server.Tests.Observability;
using Blacklist.Testing;

namespace Blacklist.Server.Tests.Security;

// Stops Redis, which moves the process-wide fallback gauge.
[Collection(nameof(ProcessWideMetrics))]
public sealed class SharedRateLimitTests
{
    [Fact]
    public async Task Two_replicas_sharing_redis_draw_on_one_budget_per_client()
    {
        using var redis = await RedisServer.StartAsync();
        await using var a = Limited(new BlacklistAppFactory(), redis, permits: 3);
        var key = a.CreateKey("firewall", SecurityRole.Reader);
        await using var b = Limited(new BlacklistAppFactory(a.DataDirectory), redis, permits: 3);
        using var onA = a.WithBearer(key);
        using var onB = b.WithBearer(key);

        (await onA.GetAsync("/api/fortigate")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await onA.GetAsync("/api/fortigate")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await onB.GetAsync("/api/fortigate")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rejected = await onB.GetAsync("/api/fortigate");

        await rejected.ProblemAsync(429);
        rejected.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(500, 600, "what is left of the shared ten-minute window");
        (await onA.GetAsync("/api/fortigate")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "A counts B's requests too");
        using var other = b.WithBearer(a.CreateKey("other firewall", SecurityRole.Reader));
        (await other.GetAsync("/api/fortigate")).StatusCode.ShouldBe(HttpStatusCode.OK, "budgets are per client");
    }

    [Fact]
    public async Task While_redis_is_down_each_replica_keeps_the_budget_itself()
    {
        using var redis = await RedisServer.StartAsync();
        await using var app = Limited(new BlacklistAppFactory(), redis, permits: 2);
        using var client = app.WithBearer(app.CreateKey("firewall", SecurityRole.Reader));
        redis.Stop();
        await CacheProbe.WaitUntilAsync(async () => (await client.CacheAsync()).Status == "memory", TimeSpan.FromSeconds(10), "the switch to memory");

        (await client.GetAsync("/api/fortigate")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/fortigate")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rejected = await client.GetAsync("/api/fortigate");

        await rejected.ProblemAsync(429);
        rejected.Headers.RetryAfter.ShouldNotBeNull();
    }

    private static BlacklistAppFactory Limited(BlacklistAppFactory factory, RedisServer redis, int permits)
        => RedisFallbackTests.WithRedis(factory, redis)
            .With("Blacklist:RateLimits:Feeds:PermitLimit", permits.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Blacklist:RateLimits:Feeds:Window", "00:10:00");
}
