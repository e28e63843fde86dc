using System.Net;
using System.Net.Http.Json;
using Blacklist.Data.Security;
using Blacklist.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Blacklist.Server.Tests.Security;

public sealed class LoginTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Login_sets_a_strict_session_cookie_and_signed_in_writes_need_the_csrf_token()
    {
        await using var factory = new BlacklistAppFactory();
        await AddUserAsync(factory, "ops", SecurityRole.Operator);
        using var browser = Browser(factory);

        var signedOut = await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/me");
        signedOut.GetProperty("authenticated").GetBoolean().ShouldBeFalse("before login, \"who am I\" is an answer, not a 401");
        var login = await browser.PostAsJsonAsync("/api/auth/login", new { username = "ops", password = Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("blacklist.session=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("secure");
        cookie.ShouldContain("samesite=strict");

        var me = await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/me");
        me.GetProperty("authenticated").GetBoolean().ShouldBeTrue();
        me.GetProperty("name").GetString().ShouldBe("ops");
        me.GetProperty("role").GetString().ShouldBe("operator");

        (await browser.PostAsJsonAsync("/api/allowlist", new { ip = "192.0.2.1", reason = "partner" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "no CSRF token");
        var token = (await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/csrf")).GetProperty("token").GetString();
        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/allowlist") { Content = JsonContent.Create(new { ip = "192.0.2.1", reason = "partner" }) };
        write.Headers.Add("X-CSRF-Token", token);
        (await browser.SendAsync(write)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await browser.GetAsync("/api/keys")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "an operator is no admin");
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Add("X-CSRF-Token", token);
        (await browser.SendAsync(logout)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/me")).GetProperty("authenticated").GetBoolean().ShouldBeFalse("signed out again");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_the_configured_time()
    {
        await using var factory = new BlacklistAppFactory();
        await AddUserAsync(factory, "alice", SecurityRole.Admin);
        using var browser = Browser(factory);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await browser.PostAsJsonAsync("/api/auth/login", new { username = "alice", password = "wrong password " + attempt })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var fifth = await browser.PostAsJsonAsync("/api/auth/login", new { username = "alice", password = "wrong password 5" });
        fifth.StatusCode.ShouldBe(HttpStatusCode.Locked);
        fifth.Headers.RetryAfter.ShouldNotBeNull();

        (await browser.PostAsJsonAsync("/api/auth/login", new { username = "alice", password = Password })).StatusCode.ShouldBe(HttpStatusCode.Locked, "even the right password waits");
        factory.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        (await browser.PostAsJsonAsync("/api/auth/login", new { username = "alice", password = Password })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var audit = await factory.Services.GetRequiredService<ISecurityAuditLog>().ListAsync(10, CancellationToken.None);
        audit.ShouldContain(a => a.Action == "login" && a.Actor == "alice");
    }

    [Fact]
    public async Task Unknown_users_and_bad_bodies_fail_without_detail()
    {
        await using var factory = new BlacklistAppFactory();
        using var browser = Browser(factory);
        var unknown = await browser.PostAsJsonAsync("/api/auth/login", new { username = "nobody", password = Password });
        (await unknown.ProblemAsync(401)).GetProperty("detail").GetString().ShouldBe("The user name or password is wrong.");
        await (await browser.PostAsJsonAsync("/api/auth/login", new { username = "x" })).ProblemAsync(400);
    }

    internal static Task AddUserAsync(BlacklistAppFactory factory, string name, SecurityRole role)
        => factory.Services.GetRequiredService<IUserStore>().SetAsync(name, Password, role, "test", CancellationToken.None);

    /// <summary>A cookie-keeping client on https (the session cookie is Secure) without the default admin key.</summary>
    internal static HttpClient Browser(BlacklistAppFactory factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = true });
        client.DefaultRequestHeaders.Remove("X-API-Key");
        return client;
    }
}
