using System.Net;
using System.Net.Http.Json;
using Blacklist.Collectors.Tests.Regtech;
using Blacklist.Collectors.Tests.Secudium;
using Blacklist.Server.Tests.Collection;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Sources;

/// <summary>The playbook's triggers, POST /api/collection/{regtech|secudium}/trigger, end to end against the fake portals.</summary>
public sealed class PortalTriggerTests : IAsyncLifetime
{
    private FakeRegtechServer _regtech = null!;
    private FakeSecudiumServer _secudium = null!;

    public async Task InitializeAsync() => (_regtech, _secudium) = await PortalSourcesFixture.StartPortalsAsync();

    public async Task DisposeAsync()
    {
        await _regtech.DisposeAsync();
        await _secudium.DisposeAsync();
    }

    [Fact]
    public async Task A_regtech_trigger_returns_202_and_its_outcome_shows_in_the_status()
    {
        await using var factory = PortalSourcesFixture.Factory(_regtech, _secudium);
        var client = factory.CreateClient();
        await SetCredentialsAsync(client, "regtech", FakeRegtechServer.Username, FakeRegtechServer.Password);

        var run = await client.WaitForRunAsync(await client.TriggerAsync("regtech", JsonContent.Create(new { start_date = "20260801", end_date = "2026-08-22" })));

        run.GetProperty("status").GetString().ShouldBe("succeeded", run.ToString());
        run.GetProperty("counts").GetProperty("added").GetInt64().ShouldBe(2);
        var status = await client.SourceStatusAsync("regtech");
        status.GetProperty("lastRun").GetProperty("id").GetInt64().ShouldBe(run.GetProperty("id").GetInt64());
        (await client.ActiveIndicatorsAsync("regtech", 2)).ShouldBe(2);
        status.GetProperty("credentialsSet").GetBoolean().ShouldBeTrue();
        status.GetProperty("details").GetProperty("credentials").GetString().ShouldBe("stored");
        status.GetProperty("details").GetProperty("lastLogin").GetString().ShouldBe(BlacklistAppFactory.Start.ToString("O"));
        _regtech.RequestsTo("/fcti/securityAdvisory/advisoryListDownloadXlsx").ShouldHaveSingleItem().Form["startDate"].ShouldBe("2026-08-01");

        var search = await (await client.GetAsync("/api/search/203.0.113.10")).Content.ReadAsStringAsync();
        search.ShouldContain("regtech");
    }

    [Fact]
    public async Task A_secudium_trigger_without_the_otp_fails_visibly_and_with_it_succeeds()
    {
        _secudium.RequireOtp = true;
        await using var factory = PortalSourcesFixture.Factory(_regtech, _secudium);
        var client = factory.CreateClient();
        await SetCredentialsAsync(client, "secudium", FakeSecudiumServer.Username, FakeSecudiumServer.Password);

        var failed = await client.TriggerAndWaitAsync("secudium");

        failed.GetProperty("status").GetString().ShouldBe("failed");
        failed.GetProperty("failureKind").GetString().ShouldBe("OtpRequired");
        var status = await client.SourceStatusAsync("secudium");
        status.GetProperty("lastRun").GetProperty("error").GetString().ShouldBe("SECUDIUM requires an OTP for this account: trigger with {\"otp\":\"123456\"}");

        var succeeded = await client.WaitForRunAsync(await client.TriggerAsync("secudium", JsonContent.Create(new { otp = FakeSecudiumServer.ValidOtp })));

        succeeded.GetProperty("status").GetString().ShouldBe("succeeded", succeeded.ToString());
        succeeded.GetProperty("counts").GetProperty("added").GetInt64().ShouldBe(2);
        (await client.ActiveIndicatorsAsync("secudium", 2)).ShouldBe(2);
    }

    [Fact]
    public async Task Sms_verification_fails_the_run_and_a_pasted_browser_session_then_works()
    {
        _regtech.RequireSms = true;
        await using var factory = PortalSourcesFixture.Factory(_regtech, _secudium);
        var client = factory.CreateClient();
        await SetCredentialsAsync(client, "regtech", FakeRegtechServer.Username, FakeRegtechServer.Password);

        var failed = await client.TriggerAndWaitAsync("regtech");
        failed.GetProperty("failureKind").GetString().ShouldBe("SmsTwoFactorRequired");
        failed.GetProperty("error").GetString()!.ShouldContain("PUT /api/sources/regtech/session");

        var cookie = _regtech.IssueBrowserSession(factory.Time.GetUtcNow().AddMinutes(50));
        (await client.PutAsJsonAsync("/api/sources/regtech/session", new { cookie })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var succeeded = await client.TriggerAndWaitAsync("regtech");

        succeeded.GetProperty("status").GetString().ShouldBe("succeeded", succeeded.ToString());
        (await client.SourceStatusAsync("regtech")).GetProperty("details").GetProperty("session").GetString()
            .ShouldBe($"valid until {factory.Time.GetUtcNow().AddMinutes(50):O}");
    }

    [Fact]
    public async Task A_wrong_password_is_a_failed_run_saying_so_and_the_status_counts_the_refusal()
    {
        await using var factory = PortalSourcesFixture.Factory(_regtech, _secudium);
        var client = factory.CreateClient();
        await SetCredentialsAsync(client, "regtech", FakeRegtechServer.Username, "not-the-password");

        var failed = await client.TriggerAndWaitAsync("regtech");

        failed.GetProperty("failureKind").GetString().ShouldBe("BadCredentials");
        failed.GetProperty("error").GetString()!.ShouldContain("wrong username or password");
        (await client.SourceStatusAsync("regtech")).GetProperty("details").GetProperty("refusedLogins").GetString().ShouldBe("1");
    }

    internal static async Task SetCredentialsAsync(HttpClient client, string source, string username, string password)
    {
        var response = await client.PutAsJsonAsync($"/api/sources/{source}/credentials", new { username, password });
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }
}
