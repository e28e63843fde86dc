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
