using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Security;

public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task Answers_carry_the_hardening_headers_and_hsts_only_over_tls()
    {
        await using var factory = new BlacklistAppFactory();
        using var client = factory.CreateAnonymousClient();
        var plain = await client.GetAsync("/health");
        var csp = string.Join(";", plain.Headers.GetValues("Content-Security-Policy"));
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        plain.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        plain.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();

        using var tls = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        (await tls.GetAsync("/health")).Headers.Contains("Strict-Transport-Security").ShouldBeTrue();

        var unauthorised = await client.GetAsync("/api/stats");
        unauthorised.Headers.Contains("Content-Security-Policy").ShouldBeTrue();
        unauthorised.Headers.WwwAuthenticate.Select(h => h.Scheme).ShouldContain("Basic");
    }
}
