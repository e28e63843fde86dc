using System.Diagnostics;
using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Data.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Blacklist.Data.Tests.Stores;

public sealed class BulkUpsertTests(ITestOutputHelper output)
{
    /// <summary>Set BLACKLIST_BULK_ROWS=1000000 to measure a million-line feed by hand.</summary>
    private static int Rows => int.TryParse(Environment.GetEnvironmentVariable("BLACKLIST_BULK_ROWS"), out var rows) ? rows : 200_000;

    private static string Cpu() => $"process CPU so far {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.00} s";

    [Fact]
    public async Task A_large_feed_is_applied_then_refreshed_and_partly_withdrawn()
    {
        await using var db = await TestDatabase.CreateAsync();
        var rows = Rows;
        var observations = Enumerable.Range(0, rows)
            .Select(i => new Observation(IpRange.V4((uint)(0x0B000000 + (i * 3)))) { Reason = "bulk", Score = i % 10 })
            .ToList();

        var watch = Stopwatch.StartNew();
        var (_, first) = await Runs.ApplyAsync(db, "bulk", observations);
        output.WriteLine($"first apply of {rows} rows: {watch.Elapsed.TotalSeconds:0.00} s ({Cpu()})");
        first.Added.ShouldBe(rows);

        db.Time.Advance(TimeSpan.FromHours(1));
        watch.Restart();
        var (_, second) = await Runs.ApplyAsync(db, "bulk", observations.Skip(rows / 10).ToList());
        output.WriteLine($"second apply ({rows - (rows / 10)} rows, {rows / 10} withdrawn): {watch.Elapsed.TotalSeconds:0.00} s ({Cpu()})");
        second.Withdrawn.ShouldBe(rows / 10);
        second.Unchanged.ShouldBe(rows - (rows / 10));

        watch.Restart();
        var active = await db.Indicators.LoadActiveAsync(db.Time.GetUtcNow(), CancellationToken.None);
        output.WriteLine($"load of {active.Indicators.Count} active rows: {watch.Elapsed.TotalSeconds:0.00} s ({Cpu()})");
        active.Indicators.Count.ShouldBe(rows - (rows / 10));
        active.Indicators.ShouldAllBe(i => i.Reason == "bulk");
    }
}
