using System.Net;
using System.Net.Http.Json;
using Blacklist.Data.Security;
using Blacklist.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Blacklist.Server.Tests.Security;

public sealed class AuthFailureLogTests
{
    [Fact]
    public async Task Each_failed_attempt_is_logged_once_with_address_and_reason_and_no_secret_is_ever_logged()
    {
        var logs = new CapturedLogs();
        await using var factory = RemoteAddress.Enable(new BlacklistAppFactory().With("Logging:LogLevel:Default", "Debug"))
            .WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        var good = factory.CreateKey("good", SecurityRole.Reader);
        var revoked = factory.CreateKey("revoked", SecurityRole.Reader);
        var store = factory.Services.GetRequiredService<IApiKeyStore>();
        var revokedId = (await store.ListAsync(CancellationToken.None)).Single(k => k.Name == "revoked").Id;
        await store.RevokeAsync(revokedId, "test", CancellationToken.None);
        await LoginTests.AddUserAsync(factory, "bob", SecurityRole.Reader);

        var forged = good[..^6] + "ZZZZZZ";
        const string wrongPassword = "not-bobs-password-7731";
        using var client = factory.CreateAnonymousClient();
        var attempts = new List<HttpRequestMessage>
        {
            Get(h => h.Authorization = new("Bearer", forged)),
            Get(h => h.Authorization = new("Bearer", revoked)),
            Get(h => h.Add("X-API-Key", "bl_0123456789abcdef_unknownsecretvalue")),
            Get(h => h.Authorization = new("Basic", "!!!not-base64")),
            Get(h => h.Authorization = new("Basic", Convert.ToBase64String("fw:guessed-password-123"u8.ToArray()))),
        };
        foreach (var attempt in attempts)
        {
            (await client.SendAsync(attempt.From("203.0.113.50"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var browser = LoginTests.Browser(factory);
        (await browser.PostAsJsonAsync("/api/auth/login", new { username = "bob", password = wrongPassword })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Successful use must not log anything secret either.
        using var reader = factory.WithBearer(good);
        (await reader.GetAsync("/api/stats")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var failures = logs.Lines.Where(l => l.Contains("Authentication failed", StringComparison.Ordinal)).ToList();
        failures.Count.ShouldBe(attempts.Count + 1, string.Join('\n', failures));
        failures.Take(attempts.Count).ShouldAllBe(l => l.Contains("203.0.113.50"));
        failures.ShouldContain(l => l.Contains("wrong_secret"));
        failures.ShouldContain(l => l.Contains("revoked"));
        failures.ShouldContain(l => l.Contains("unknown_key"));
        failures.ShouldContain(l => l.Contains("wrong_password") && l.Contains("bob"));

        string[] secrets = [good.Split('_', 3)[2], revoked.Split('_', 3)[2], forged.Split('_', 3)[2], "unknownsecretvalue", "guessed-password-123", wrongPassword, "correct horse battery staple", factory.AdminKey.Split('_', 3)[2]];
        foreach (var line in logs.Lines)
        {
            foreach (var secret in secrets)
            {
                line.ShouldNotContain(secret);
            }
        }
    }

    private static HttpRequestMessage Get(Action<System.Net.Http.Headers.HttpRequestHeaders> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/stats");
        headers(request.Headers);
        return request;
    }
}
