using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Credentials;
using Blacklist.Collectors.Tests.Regtech;
using Blacklist.Collectors.Tests.Secudium;

namespace Blacklist.Collectors.Tests.Credentials;

/// <summary>Whatever happens in a run — success, refusal, SMS, OTP, session renewal — no log line carries a secret.</summary>
public sealed class SecretsInLogsTests
{
    [Fact]
    public async Task Regtech_runs_never_log_the_password_or_the_session_cookie()
    {
        await using var harness = new PortalHarness();
        await using var server = await FakeRegtechServer.StartNewAsync();
        server.Clock = harness.Time;
        server.EndSessionsEvery = 1;
        server.Advisories.Add(new("203.0.113.10", "CN", "scan", new DateOnly(2026, 8, 18)));
        var settings = PortalHarness.FastSettings("regtech", server.BaseUrl);
        var collector = harness.Collector("regtech");

        await harness.Credentials.SetCredentialsAsync("regtech", new SourceCredentials(FakeRegtechServer.Username, FakeRegtechServer.Password), default);
        await collector.CollectAsync(PortalHarness.Context("regtech", settings, new Dictionary<string, string> { ["start_date"] = "2026-01-01", ["end_date"] = "2026-06-30" }), default);
        server.RequireSms = true;
        await harness.Credentials.DeleteSessionAsync("regtech", default);
        await Should.ThrowAsync<CollectionException>(() => collector.CollectAsync(PortalHarness.Context("regtech", settings), default));
        await harness.Credentials.SetCredentialsAsync("regtech", new SourceCredentials(FakeRegtechServer.Username, FakeRegtechServer.Password + "-typo"), default);
        server.RequireSms = false;
        await Should.ThrowAsync<CollectionException>(() => collector.CollectAsync(PortalHarness.Context("regtech", settings), default));

        harness.Logs.Lines.Count.ShouldBeGreaterThan(3);
        harness.Logs.AllText.ShouldNotContain(FakeRegtechServer.Password);
        harness.Logs.AllText.ShouldNotContain("Bearer ");
        harness.Logs.AllText.ShouldContain("signed in to REGTECH");
    }

    [Fact]
    public async Task Secudium_runs_never_log_the_password_the_otp_or_the_token()
    {
        await using var harness = new PortalHarness();
        await using var server = await FakeSecudiumServer.StartNewAsync();
        server.RequireOtp = true;
        server.BlackIps.Add(new("203.0.113.10", "CN", "scan", new DateOnly(2026, 8, 18)));
        var settings = PortalHarness.FastSettings("secudium", server.BaseUrl);
        var collector = harness.Collector("secudium");
        await harness.Credentials.SetCredentialsAsync("secudium", new SourceCredentials(FakeSecudiumServer.Username, FakeSecudiumServer.Password), default);

        await Should.ThrowAsync<CollectionException>(() => collector.CollectAsync(PortalHarness.Context("secudium", settings), default));
        await collector.CollectAsync(PortalHarness.Context("secudium", settings, new Dictionary<string, string> { ["otp"] = FakeSecudiumServer.ValidOtp }), default);

        var text = harness.Logs.AllText;
        text.ShouldContain("signed in to SECUDIUM");
        text.ShouldNotContain(FakeSecudiumServer.Password);
        text.ShouldNotContain(FakeSecudiumServer.ValidOtp);
        text.ShouldNotContain("tok-");
    }
}
