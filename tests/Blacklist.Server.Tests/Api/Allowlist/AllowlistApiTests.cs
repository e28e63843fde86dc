using System.Net;
using System.Net.Http.Json;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Api.Allowlist;

public sealed class AllowlistApiTests
{
    [Fact]
    public async Task An_allowlist_entry_is_listed_applied_and_removable()
    {
        await using var app = ServedApp.Start();
        await app.Factory.ChangeAndWaitAsync(() => app.Client.AddManualAsync(new { cidr = "45.1.2.0/30", reason = "net" }));

        var created = await app.Factory.ChangeAndWaitAsync(() => app.Client.PostAsJsonAsync("/api/allowlist", new { cidr = "45.1.2.2/31", reason = "partner" }));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        (await app.Client.ActiveLinesAsync()).ShouldBe(["45.1.2.0/31"]);
        var listed = (await (await app.Client.GetAsync("/api/allowlist")).JsonAsync()).EnumerateArray().Single();
        listed.GetProperty("range").GetString().ShouldBe("45.1.2.2/31");
        listed.GetProperty("createdBy").GetString().ShouldBe(BlacklistAppFactory.AdminActor);

        var removed = await app.Factory.ChangeAndWaitAsync(() => app.Client.DeleteAsync($"/api/allowlist/{id}"));

        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.Client.ActiveLinesAsync()).ShouldBe(["45.1.2.0/30"]);
        (await (await app.Client.DeleteAsync($"/api/allowlist/{id}")).ProblemAsync(404)).GetProperty("detail").GetString()!.ShouldContain(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_expiring_allowlist_entry_stops_protecting_at_its_expiry()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");
        await app.Factory.ChangeAndWaitAsync(() => app.Client.AddAllowlistAsync(new { ip = "45.1.2.3", reason = "maintenance window", expiresAt = BlacklistAppFactory.Start.AddMinutes(30) }));
        (await app.Client.ActiveLinesAsync()).ShouldBeEmpty();

        await app.Factory.AdvanceAndWaitForRebuildAsync(TimeSpan.FromMinutes(31));

        (await app.Client.ActiveLinesAsync()).ShouldBe(["45.1.2.3"]);
    }

    [Theory]
    [InlineData("{\"reason\": \"x\"}", "ip")]
    [InlineData("{\"ip\": \"not-an-ip\", \"reason\": \"x\"}", "ip")]
    [InlineData("{\"cidr\": \"10.0.0.1/8\", \"reason\": \"x\"}", "cidr")]
    [InlineData("{\"ip\": \"45.1.2.3\"}", "reason")]
    public async Task Invalid_entries_are_refused_and_change_nothing(string body, string field)
    {
        await using var app = ServedApp.Start();

        var response = await app.Client.PostAsync("/api/allowlist", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(400);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await (await app.Client.GetAsync("/api/allowlist")).JsonAsync()).GetArrayLength().ShouldBe(0);
    }
}
