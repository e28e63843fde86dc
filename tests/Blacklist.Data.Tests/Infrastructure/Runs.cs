using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Data.Contracts;

namespace Blacklist.Data.Tests.Infrastructure;

/// <summary>Shortcuts for recording and applying runs in tests.</summary>
internal static class Runs
{
    public static Observation V4(string text)
    {
        var parsed = IpRangeParser.Parse(text.AsSpan());
        parsed.Success.ShouldBeTrue(parsed.Error);
        return new Observation(parsed.Range);
    }

    public static async Task<(long RunId, RunCounts Counts)> ApplyAsync(
        TestDatabase db, string source, IReadOnlyList<Observation> observations, bool fullList = true, TimeSpan? ttl = null, bool notModified = false)
    {
        var now = db.Time.GetUtcNow();
        var runId = await db.Runs.CreateAsync(new NewRun(source, "http", "manual", now), CancellationToken.None);
        await db.Runs.MarkRunningAsync(runId, now, CancellationToken.None);
        var counts = await db.Runs.ApplyAsync(
            new RunApplication(runId, source, "http", now, new LifetimePolicy(ttl ?? LifetimePolicy.DefaultTtl))
            {
                Observations = observations,
                FullList = fullList,
                NotModified = notModified,
                ReadCounts = new RunCounts(observations.Count, 0, observations.Count, 0, 0, 0, 0, 0),
            },
            CancellationToken.None);
        return (runId, counts);
    }

    public static async Task<IReadOnlyList<string>> ActiveRangesAsync(TestDatabase db, string? source = null)
    {
        var data = await db.Indicators.LoadActiveAsync(db.Time.GetUtcNow(), CancellationToken.None);
        return data.Indicators.Where(i => source is null || i.Source == source).Select(i => i.Range.ToString()).Order(StringComparer.Ordinal).ToList();
    }
}
