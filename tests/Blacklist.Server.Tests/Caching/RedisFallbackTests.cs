using System.Net;
using Blacklist.Server.Tests.Infrastructure;
using Blacklist.Server.Tests.Observability;
using Blacklist.Testing;
using StackExchange.Redis;

namespace Blacklist.Server.Tests.Caching;

// Moves the process-wide fallback gauge: runs with the other tests that read it, not beside them.
[Collection(nameof(ProcessWideMetrics))]
public sealed class RedisFallbackTests
{
    private static readonly string[] Formats = ["plain", "json", "cidr", "fortigate"];

    [Fact]
    public async Task Redis_stopping_under_continuous_reads_fails_no_request_and_its_return_is_noticed_within_seconds()
    {
        using var redis = await RedisServer.StartAsync();
        await using var app = ServedApp.Start(WithRedis(new BlacklistAppFactory(), redis));
        await app.BlockAsync("45.1.2.3");
        (await app.Client.CacheAsync()).ShouldBe(("redis", "redis"));
        (await app.Client.GaugeAsync("blacklist_cache_fallback_active")).ShouldBe("0");

        using var stop = new CancellationTokenSource();
        var readers = Formats.Select(format => ReadUntilStoppedAsync(app.Client, format, stop.Token)).ToArray();
        await Task.Delay(200);

        redis.Stop();
        await CacheProbe.WaitUntilAsync(async () => (await app.Client.CacheAsync()).Status == "memory", TimeSpan.FromSeconds(10), "the switch to memory");
        (await app.Client.CacheAsync()).Detail.ShouldBe("memory (redis unreachable since 2026-08-22T12:00:00.000Z)", "the fake clock's start");
        (await app.Client.GaugeAsync("blacklist_cache_fallback_active")).ShouldBe("1");
        (await (await app.Client.GetAsync("/health")).JsonAsync()).GetProperty("status").GetString().ShouldBe("degraded");
        (await app.Client.GetAsync("/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Snapshots built during the outage are rendered here.
        await app.BlockAsync("45.1.2.4");
        (await app.Client.ActiveLinesAsync()).ShouldBe(["45.1.2.3", "45.1.2.4"]);

        await redis.StartAgainAsync();
        await CacheProbe.WaitUntilAsync(async () => (await app.Client.CacheAsync()).Status == "redis", TimeSpan.FromSeconds(10), "the return to redis");
        (await app.Client.GaugeAsync("blacklist_cache_fallback_active")).ShouldBe("0");
        (await (await app.Client.GetAsync("/health")).JsonAsync()).GetProperty("status").GetString().ShouldBe("healthy");

        // Sharing resumes: the next snapshot's list is stored in the (empty, restarted) Redis.
        await app.BlockAsync("45.1.2.5");
        await using var direct = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var server = direct.GetServer(direct.GetEndPoints()[0]);
        await CacheProbe.WaitUntilAsync(() => server.HasKeyAsync("blacklist:payload:plain:*"), TimeSpan.FromSeconds(10), "the list stored in redis");

        await stop.CancelAsync();
        var results = await Task.WhenAll(readers);
        results.Sum(r => r.Failures).ShouldBe(0, string.Join("; ", results.Select(r => r.FirstFailure).OfType<string>()));
        results.ShouldAllBe(r => r.Reads > 10);
    }

    [Fact]
    public async Task A_replica_started_while_redis_is_down_serves_from_memory_and_joins_when_it_comes_up()
    {
        using var redis = await RedisServer.StartAsync();
        redis.Stop();
        await using var app = ServedApp.Start(WithRedis(new BlacklistAppFactory(), redis));

        await app.BlockAsync("45.1.2.3");

        (await app.Client.ActiveLinesAsync()).ShouldBe(["45.1.2.3"]);
        (await app.Client.CacheAsync()).Status.ShouldBe("memory");
        (await app.Client.GaugeAsync("blacklist_cache_fallback_active")).ShouldBe("1");

        await redis.StartAgainAsync();
        await CacheProbe.WaitUntilAsync(async () => (await app.Client.CacheAsync()).Status == "redis", TimeSpan.FromSeconds(10), "the first connection");
        (await app.Client.GaugeAsync("blacklist_cache_fallback_active")).ShouldBe("0");
    }

    internal static BlacklistAppFactory WithRedis(BlacklistAppFactory factory, RedisServer redis)
        => factory.With("Redis:Configuration", redis.Configuration).With("Redis:ReconnectInterval", "00:00:00.250");

    private static async Task<ReadResult> ReadUntilStoppedAsync(HttpClient client, string format, CancellationToken stop)
    {
        var result = new ReadResult();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await client.GetAsync($"/api/blacklist/active?format={format}", CancellationToken.None);
                await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    result.Fail($"{format}: {(int)response.StatusCode}");
                }
            }
            catch (HttpRequestException ex)
            {
                result.Fail($"{format}: {ex.Message}");
            }

            result.Reads++;
            await Task.Delay(2, CancellationToken.None); // continuous, but leaves the two cores to the server
        }

        return result;
    }

    private sealed class ReadResult
    {
        public int Reads { get; set; }

        public int Failures { get; private set; }

        public string? FirstFailure { get; private set; }

        public void Fail(string what)
        {
            Failures++;
            FirstFailure ??= what;
        }
    }
}
