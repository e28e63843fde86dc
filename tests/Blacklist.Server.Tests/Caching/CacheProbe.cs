using System.Diagnostics;
using Blacklist.Server.Tests.Infrastructure;
using StackExchange.Redis;

namespace Blacklist.Server.Tests.Caching;

/// <summary>What a replica says about its cache, and bounded waits for it to change.</summary>
internal static class CacheProbe
{
    /// <summary>The cache component of /health: its status ("redis" or "memory") and detail.</summary>
    public static async Task<(string Status, string Detail)> CacheAsync(this HttpClient client)
    {
        var cache = (await (await client.GetAsync("/health")).JsonAsync()).GetProperty("components").GetProperty("cache");
        return (cache.GetProperty("status").GetString()!, cache.GetProperty("detail").GetString()!);
    }

    /// <summary>The value of an unlabelled gauge in /metrics.</summary>
    public static async Task<string> GaugeAsync(this HttpClient client, string name)
    {
        var metrics = await client.GetStringAsync("/metrics");
        var line = metrics.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return line[(name.Length + 1)..];
    }

    /// <summary>
    /// Whether Redis holds a key matching <paramref name="pattern"/>. Asynchronous on purpose: a
    /// synchronous SCAN blocks a pool thread the client's own reader may need, and times out when
    /// the test's readers keep the pool busy.
    /// </summary>
    public static async Task<bool> HasKeyAsync(this IServer server, string pattern)
    {
        await foreach (var _ in server.KeysAsync(pattern: pattern))
        {
            return true;
        }

        return false;
    }

    /// <summary>Waits (real time) until <paramref name="condition"/> holds and returns how long it took.</summary>
    public static async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            watch.Elapsed.ShouldBeLessThan(timeout, $"{what} did not happen within {timeout.TotalSeconds:0.#} s");
            await Task.Delay(25);
        }

        return watch.Elapsed;
    }
}
