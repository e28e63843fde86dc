using System.Net;
using System.Net.Http.Json;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Api.Manual;

public sealed class ManualEntriesApiTests
{
    [Fact]
    public async Task An_added_entry_is_listed_served_audited_and_removable()
    {
        await using var app = ServedApp.Start();

        var created = await app.Factory.ChangeAndWaitAsync(() => app.Client.PostAsJsonAsync(
            "/api/blacklist/manual",
            new { range = "45.1.2.10-45.1.2.12", reason = "ssh brute force", category = "bruteforce", expiresAt = BlacklistAppFactory.Start.AddDays(7) }));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var entry = await created.JsonAsync();
        var id = entry.GetProperty("id").GetInt64();
        created.Headers.Location!.ToString().ShouldBe($"/api/blacklist/manual/{id}");
        entry.GetProperty("range").GetString().ShouldBe("45.1.2.10-45.1.2.12");
        entry.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(BlacklistAppFactory.Start.AddDays(7));
        (await app.Client.ActiveLinesAsync("range")).ShouldBe(["45.1.2.10-45.1.2.12"]);
        var listed = (await (await app.Client.GetAsync("/api/blacklist/manual")).JsonAsync()).EnumerateArray().Single();
        listed.GetProperty("id").GetInt64().ShouldBe(id);
        listed.GetProperty("category").GetString().ShouldBe("bruteforce");

        var removed = await app.Factory.ChangeAndWaitAsync(() => app.Client.DeleteAsync($"/api/blacklist/manual/{id}"));

        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.Client.ActiveLinesAsync()).ShouldBeEmpty();
        (await (await app.Client.GetAsync("/api/blacklist/manual")).JsonAsync()).GetArrayLength().ShouldBe(0);
        var audit = (await (await app.Client.GetAsync("/api/audit")).JsonAsync()).EnumerateArray().ToList();
        audit.Count.ShouldBeGreaterThanOrEqualTo(2);
        audit.ShouldAllBe(e => e.GetProperty("actor").GetString() == BlacklistAppFactory.AdminActor);
    }

    [Fact]
    public async Task Removing_an_unknown_entry_is_a_404_problem()
    {
        await using var app = ServedApp.Start();

        var problem = await (await app.Client.DeleteAsync("/api/blacklist/manual/4242")).ProblemAsync(404);

        problem.GetProperty("detail").GetString()!.ShouldContain("4242");
    }

    [Theory]
    [InlineData("{\"reason\": \"x\"}", "ip")]
    [InlineData("{\"ip\": \"45.1.2.3\", \"cidr\": \"45.1.2.0/24\", \"reason\": \"x\"}", "ip")]
    [InlineData("{\"ip\": \"45.1.2\", \"reason\": \"x\"}", "ip")]
    [InlineData("{\"ip\": \"45.1.2.0/24\", \"reason\": \"x\"}", "ip")]
    [InlineData("{\"cidr\": \"45.1.2.3/24\", \"reason\": \"x\"}", "cidr")]
    [InlineData("{\"cidr\": \"45.0.0.0/4\", \"reason\": \"x\"}", "cidr")]
    [InlineData("{\"range\": \"45.1.2.9-45.1.2.1\", \"reason\": \"x\"}", "range")]
    [InlineData("{\"ip\": \"45.1.2.3\"}", "reason")]
    [InlineData("{\"ip\": \"45.1.2.3\", \"reason\": \"  \"}", "reason")]
    [InlineData("{\"ip\": \"45.1.2.3\", \"reason\": \"x\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}", "expiresAt")]
    public async Task Invalid_entries_are_refused_field_by_field_and_change_nothing(string body, string field)
    {
        await using var app = ServedApp.Start();
        var versionBefore = app.Factory.CurrentVersion;

        var response = await app.Client.PostAsync("/api/blacklist/manual", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(400);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue(problem.ToString());
        messages.EnumerateArray().First().GetString().ShouldNotBeNullOrWhiteSpace();
        (await (await app.Client.GetAsync("/api/blacklist/manual")).JsonAsync()).GetArrayLength().ShouldBe(0);
        (await (await app.Client.GetAsync("/api/audit")).JsonAsync()).GetArrayLength().ShouldBe(0);
        app.Factory.CurrentVersion.ShouldBe(versionBefore);
    }

    [Fact]
    public async Task An_entry_stops_being_served_when_it_expires_without_a_restart()
    {
        await using var app = ServedApp.Start();
        await app.Factory.ChangeAndWaitAsync(() => app.Client.AddManualAsync(new { ip = "45.1.2.3", reason = "short", expiresAt = BlacklistAppFactory.Start.AddHours(1) }));
        await app.BlockAsync("45.1.2.4");
        (await app.Client.ActiveLinesAsync()).ShouldBe(["45.1.2.3", "45.1.2.4"]);

        await app.Factory.AdvanceAndWaitForRebuildAsync(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        (await app.Client.ActiveLinesAsync()).ShouldBe(["45.1.2.4"]);
        (await (await app.Client.GetAsync("/api/search/45.1.2.3")).JsonAsync()).GetProperty("blocked").GetBoolean().ShouldBeFalse();
    }
}
