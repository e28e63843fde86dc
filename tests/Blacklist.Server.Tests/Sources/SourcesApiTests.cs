using System.Net;
using System.Net.Http.Json;
using System.Text;
using Blacklist.Collectors.Credentials;
using Blacklist.Collectors.Tests.Regtech;
using Blacklist.Collectors.Tests.Secudium;
using Blacklist.Core.Sources;
using Blacklist.Server.Api.Sources;
using Blacklist.Server.Collection;
using Blacklist.Server.Tests.Collection;
using Blacklist.Server.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Tests.Sources;

/// <summary>/api/sources/{name}/credentials and /session: secrets go in encrypted and audited, and never come out.</summary>
public sealed class SourcesApiTests : IAsyncLifetime
{
    private const string Password = "Zq9!credential-under-test";

    private FakeRegtechServer _regtech = null!;
    private FakeSecudiumServer _secudium = null!;

    public async Task InitializeAsync() => (_regtech, _secudium) = await PortalSourcesFixture.StartPortalsAsync();

    public async Task DisposeAsync()
    {
        await _regtech.DisposeAsync();
        await _secudium.DisposeAsync();
    }

    [Fact]
    public async Task Credentials_are_stored_encrypted_audited_and_only_reported_as_set()
    {
        await using var factory = PortalSourcesFixture.Factory(_regtech, _secudium);
        var client = factory.CreateClient();
        (await (await client.GetAsync("/api/sources/regtech/credentials")).JsonAsync()).GetProperty("set").GetBoolean().ShouldBeFalse();

        var put = await client.PutAsJsonAsync("/api/sources/regtech/credentials", new { username = "analyst", password = Password });

        put.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var answer = await client.GetAsync("/api/sources/regtech/credentials");
        var text = await answer.Content.ReadAsStringAsync();
        text.ShouldNotContain(Password);
        var view = await answer.JsonAsync();
        view.GetProperty("set").GetBoolean().ShouldBeTrue();
        view.GetProperty("origin").GetString().ShouldBe("stored");
        view.GetProperty("lastLogin").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        view.GetProperty("session").GetProperty("set").GetBoolean().ShouldBeFalse();

        var stored = await factory.Services.GetRequiredService<ISourceStateStore>().GetAsync("regtech", "credentials", default);
        stored.ShouldNotBeNull().ShouldNotContain(Password);
        stored.ShouldNotContain("analyst");

        var audit = await (await client.GetAsync("/api/audit")).Content.ReadAsStringAsync();
        audit.ShouldContain("sources.regtech.credentials");
        audit.ShouldNotContain(Password);
        (await (await client.GetAsync("/api/collection/status")).Content.ReadAsStringAsync()).ShouldNotContain(Password);
    }

    [Fact]
    public async Task Deleting_credentials_falls_back_to_the_configured_ones_or_none()
    {
        await using var factory = PortalSourcesFixture.Factory(_regtech, _secudium).With("Blacklist:Sources:secudium:Username", "from-env").With("Blacklist:Sources:secudium:Password", "env-secret");
        var client = factory.CreateClient();
        await PortalTriggerTests.SetCredentialsAsync(client, "secudium", "api-user", Password);

        (await client.DeleteAsync("/api/sources/secudium/credentials")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var view = await (await client.GetAsync("/api/sources/secudium/credentials")).JsonAsync();
        view.GetProperty("set").GetBoolean().ShouldBeTrue();
        view.GetProperty("origin").GetString().ShouldBe("configuration");
        (await (await client.GetAsync("/api/sources/regtech/credentials")).JsonAsync()).GetProperty("origin").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Theory]
    [InlineData("{\"username\":\"analyst\"}")]
    [InlineData("{\"password\":\"x\"}")]
    [InlineData("{\"username\":\"  \",\"password\":\"x\"}")]
    public async Task Incomplete_credentials_are_a_bad_request_and_store_nothing(string body)
    {
        await using var factory = PortalSourcesFixture.Factory(_regtech, _secudium);
        var client = factory.CreateClient();

        var problem = await (await client.PutAsync("/api/sources/regtech/credentials", new StringContent(body, Encoding.UTF8, "application/json"))).ProblemAsync(400);

        problem.GetProperty("detail").GetString()!.ShouldContain("username");
        (await (await client.GetAsync("/api/sources/regtech/credentials")).JsonAsync()).GetProperty("set").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("nope", "There is no source named 'nope'")]
    [InlineData("sample", "Source 'sample' is a file source and has no credentials")]
    public async Task Sources_that_do_not_log_in_are_404_naming_those_that_do(string source, string detail)
    {
        await using var factory = PortalSourcesFixture.Factory(_regtech, _secudium);
        var client = factory.CreateClient();

        var problem = await (await client.PutAsJsonAsync($"/api/sources/{source}/credentials", new { username = "a", password = "b" })).ProblemAsync(404);

        problem.GetProperty("detail").GetString()!.ShouldContain(detail);
        problem.GetProperty("detail").GetString()!.ShouldContain("regtech, secudium");
    }

    [Fact]
    public async Task A_pasted_session_takes_its_expiry_from_the_jwt_and_can_be_deleted()
    {
        await using var factory = PortalSourcesFixture.Factory(_regtech, _secudium);
        var client = factory.CreateClient();
        var expiresAt = factory.Time.GetUtcNow().AddMinutes(40);
        var cookie = _regtech.IssueBrowserSession(expiresAt);

        (await client.PutAsJsonAsync("/api/sources/regtech/session", new { cookie = $"Cookie: regtech-va={cookie}" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var session = (await (await client.GetAsync("/api/sources/regtech/credentials")).JsonAsync()).GetProperty("session");
        session.GetProperty("set").GetBoolean().ShouldBeTrue();
        session.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(expiresAt);
        var stored = await factory.Services.GetRequiredService<ISourceStateStore>().GetAsync("regtech", "session", default);
        stored.ShouldNotBeNull().ShouldNotContain(cookie);

        (await client.DeleteAsync("/api/sources/regtech/session")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await client.GetAsync("/api/sources/regtech/credentials")).JsonAsync()).GetProperty("session").GetProperty("set").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Unusable_sessions_are_refused_with_what_to_paste()
    {
        await using var factory = PortalSourcesFixture.Factory(_regtech, _secudium);
        var client = factory.CreateClient();

        (await (await client.PutAsJsonAsync("/api/sources/regtech/session", new { cookie = " " })).ProblemAsync(400))
            .GetProperty("detail").GetString()!.ShouldContain("regtech-va");
        (await (await client.PutAsJsonAsync("/api/sources/regtech/session", new { cookie = "Bearer x.y.z", expiresAt = factory.Time.GetUtcNow().AddMinutes(-1) })).ProblemAsync(400))
            .GetProperty("detail").GetString()!.ShouldContain("not in the future");
        (await (await client.PutAsJsonAsync("/api/sources/secudium/session", new { cookie = "Bearer x.y.z" })).ProblemAsync(400))
            .GetProperty("detail").GetString()!.ShouldContain("otp");
    }

    [Fact]
    public async Task New_credentials_end_a_login_pause()
    {
        await using var factory = PortalSourcesFixture.Factory(_regtech, _secudium).With("Blacklist:Sources:regtech:LockoutAfterFailures", "1");
        var client = factory.CreateClient();
        await PortalTriggerTests.SetCredentialsAsync(client, "regtech", FakeRegtechServer.Username, "wrong");
        (await client.TriggerAndWaitAsync("regtech")).GetProperty("failureKind").GetString().ShouldBe("BadCredentials");
        (await client.TriggerAndWaitAsync("regtech")).GetProperty("failureKind").GetString().ShouldBe("LockedOut");
        (await (await client.GetAsync("/api/sources/regtech/credentials")).JsonAsync()).GetProperty("loginsPausedUntil").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);

        await PortalTriggerTests.SetCredentialsAsync(client, "regtech", FakeRegtechServer.Username, FakeRegtechServer.Password);

        (await client.TriggerAndWaitAsync("regtech")).GetProperty("status").GetString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task Credentials_survive_a_restart_because_the_keys_live_in_the_data_directory()
    {
        string dataDirectory;
        await using (var first = PortalSourcesFixture.Factory(_regtech, _secudium))
        {
            first.KeepDataDirectory = true;
            dataDirectory = first.DataDirectory;
            await PortalTriggerTests.SetCredentialsAsync(first.CreateClient(), "secudium", FakeSecudiumServer.Username, FakeSecudiumServer.Password);
        }

        Directory.EnumerateFiles(Path.Combine(dataDirectory, "keys"), "key-*.xml").ShouldNotBeEmpty();
        await using var restarted = PortalSourcesFixture.Factory(_regtech, _secudium, dataDirectory);
        try
        {
            var run = await restarted.CreateClient().TriggerAndWaitAsync("secudium");

            run.GetProperty("status").GetString().ShouldBe("succeeded", run.ToString());
        }
        finally
        {
            BlacklistAppFactory.TryDelete(dataDirectory);
        }
    }

    [Fact]
    public void Bad_portal_settings_are_reported_at_start_up_with_their_paths()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Blacklist:Sources:regtech:Kind"] = "regtech",
            ["Blacklist:Sources:regtech:BaseUrl"] = "regtech.fsec.or.kr",
            ["Blacklist:Sources:regtech:MaxMonthsPerRequest"] = "12",
            ["Blacklist:Sources:secudium:Kind"] = "secudium",
            ["Blacklist:Sources:secudium:Mode"] = "Scraping",
            ["Blacklist:Sources:secudium-2:Kind"] = "secudium",
            ["Blacklist:Sources:secudium-2:Timeout"] = "soon",
        }).Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ISourceStateStore, NoSourceState>()
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath() })
            .AddPortalSources(configuration, Path.GetTempPath())
            .AddCollection(configuration)
            .BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourcesOptions>>().Value);

        var message = string.Join("\n", failure.Failures);
        message.ShouldContain("Blacklist:Sources:regtech:BaseUrl: must be an absolute http(s) URL of the portal (got 'regtech.fsec.or.kr')");
        message.ShouldContain("Blacklist:Sources:regtech:MaxMonthsPerRequest: must be between 1 and 3");
        message.ShouldContain("Blacklist:Sources:secudium: ");
        message.ShouldContain("'Scraping'");
        message.ShouldContain("Blacklist:Sources:secudium-2:Timeout");
        failure.Failures.Count().ShouldBe(4);
    }

    private sealed class NoSourceState : ISourceStateStore
    {
        public Task<string?> GetAsync(string source, string key, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task SetAsync(string source, string key, string? value, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
