using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Api.Stats;

public sealed class StatsApiTests
{
    [Fact]
    public async Task Stats_count_by_source_category_family_and_give_a_daily_series()
    {
        await using var app = ServedApp.Start();
        await app.Factory.ChangeAndWaitAsync(() => app.Client.AddManualAsync(new { cidr = "45.1.2.0/24", reason = "a", category = "scanner" }));
        await app.BlockAsync("45.9.9.9");
        await app.BlockAsync("2a00:1450::7");

        var stats = await (await app.Client.GetAsync("/api/stats?days=90")).JsonAsync();

        stats.GetProperty("snapshotVersion").GetInt64().ShouldBe(app.Factory.CurrentVersion);
        stats.GetProperty("indicators").GetInt32().ShouldBe(3);
        stats.GetProperty("entries").GetInt64().ShouldBe(3);
        stats.GetProperty("bySource").GetProperty("manual").GetInt32().ShouldBe(3);
        stats.GetProperty("byCategory").GetProperty("scanner").GetInt32().ShouldBe(1);
        stats.GetProperty("byCategory").GetProperty("unknown").GetInt32().ShouldBe(2);
        stats.GetProperty("byFamily").GetProperty("ipv6").GetInt32().ShouldBe(1);
        stats.GetProperty("uniqueAddresses").GetProperty("ipv4").GetInt64().ShouldBe(257);
        stats.GetProperty("uniqueAddresses").GetProperty("ipv6").GetInt64().ShouldBe(1);
        stats.GetProperty("days").GetInt32().ShouldBe(90);
        var daily = stats.GetProperty("daily").EnumerateArray().ToList();
        daily.Count.ShouldBeLessThanOrEqualTo(90);
        var today = daily.Single(d => d.GetProperty("day").GetString() == "2026-08-22");
        today.GetProperty("added").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task The_daily_series_is_read_once_per_snapshot_and_answered_from_memory()
    {
        await using var app = ServedApp.Start(new BlacklistAppFactory().WithServices(s => FlakyIndicatorStore.Install(s)));
        await app.BlockAsync("45.9.9.9");
        (await AddedTodayAsync(app)).ShouldBe(1);

        // Counting by day reads every indicator row: with the store gone, the series still answers.
        var store = app.Factory.Services.GetRequiredService<FlakyIndicatorStore>();
        store.Down = true;
        var stats = await (await app.Client.GetAsync("/api/stats?days=7")).JsonAsync();
        stats.TryGetProperty("dailyUnavailable", out _).ShouldBeFalse();
        stats.GetProperty("daily").GetArrayLength().ShouldBe(7);
        stats.GetProperty("daily")[6].GetProperty("added").GetInt32().ShouldBe(1);

        // A new snapshot brings its own series.
        store.Down = false;
        await app.BlockAsync("45.9.9.10");
        (await AddedTodayAsync(app)).ShouldBe(2);
    }

    [Fact]
    public async Task Without_the_database_the_counts_still_answer_and_say_why_the_series_is_missing()
    {
        await using var app = ServedApp.Start(new BlacklistAppFactory().WithServices(s => FlakyIndicatorStore.Install(s)));
        await app.BlockAsync("45.9.9.9");
        app.Factory.Services.GetRequiredService<FlakyIndicatorStore>().Down = true;

        // A new day needs a new series, which only the database has.
        app.Factory.Time.Advance(TimeSpan.FromDays(1));
        var stats = await (await app.Client.GetAsync("/api/stats")).JsonAsync();

        stats.GetProperty("entries").GetInt64().ShouldBe(1);
        stats.GetProperty("daily").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        stats.GetProperty("dailyUnavailable").GetString()!.ShouldContain("database");
    }

    private static async Task<int> AddedTodayAsync(ServedApp app)
    {
        var stats = await (await app.Client.GetAsync("/api/stats?days=1")).JsonAsync();
        return stats.GetProperty("daily").EnumerateArray().Single().GetProperty("added").GetInt32();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("367")]
    [InlineData("many")]
    public async Task A_bad_number_of_days_is_a_400_problem(string days)
    {
        await using var app = ServedApp.Start();

        await (await app.Client.GetAsync($"/api/stats?days={days}")).ProblemAsync(400);
    }
}
