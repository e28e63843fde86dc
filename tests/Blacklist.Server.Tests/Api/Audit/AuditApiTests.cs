using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Api.Audit;

public sealed class AuditApiTests
{
    [Fact]
    public async Task Audit_lists_the_latest_changes_newest_first_within_the_limit()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3", "first");
        await app.AllowAsync("45.1.2.9", "second");
        await app.BlockAsync("45.1.2.4", "third");

        var events = (await (await app.Client.GetAsync("/api/audit?limit=2")).JsonAsync()).EnumerateArray().ToList();

        events.Count.ShouldBe(2);
        events[0].GetProperty("target").GetString()!.ShouldContain("45.1.2.4");
        events[1].GetProperty("target").GetString()!.ShouldContain("45.1.2.9");
        events.ShouldAllBe(e => e.GetProperty("actor").GetString() == BlacklistAppFactory.AdminActor);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task A_limit_out_of_range_is_a_400_problem(string limit)
    {
        await using var app = ServedApp.Start();

        var problem = await (await app.Client.GetAsync($"/api/audit?limit={limit}")).ProblemAsync(400);

        problem.GetProperty("detail").GetString()!.ShouldContain("1000");
    }
}
