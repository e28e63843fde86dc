using System.Net.Http.Json;
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

    [Fact]
    public async Task Access_changes_are_listed_apart_and_without_secrets()
    {
        await using var app = ServedApp.Start();

        var created = await app.Client.PostAsync("/api/keys", JsonContent.Create(new { name = "fortigate-dmz", role = "reader" }));
        created.EnsureSuccessStatusCode();
        var secret = (await created.JsonAsync()).GetProperty("key").GetString()!;

        var events = (await (await app.Client.GetAsync("/api/audit/security")).JsonAsync()).EnumerateArray().ToList();

        var creation = events.First(e => e.GetProperty("action").GetString() == "key.create");
        creation.GetProperty("details").GetString()!.ShouldContain("name=fortigate-dmz");
        creation.GetProperty("actor").GetString().ShouldBe(BlacklistAppFactory.AdminActor);
        events.ShouldAllBe(e => !e.ToString().Contains(secret, StringComparison.Ordinal));
        (await app.Client.GetAsync("/api/audit/security?limit=0")).StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
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
