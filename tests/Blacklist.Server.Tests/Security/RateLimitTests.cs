using System.Net;
using System.Net.Http.Json;
using Blacklist.Data.Security;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task The_request_after_the_budget_gets_429_with_retry_after_and_other_keys_keep_theirs()
    {
        await using var factory = new BlacklistAppFactory()
            .With("Blacklist:RateLimits:Feeds:PermitLimit", "3")
            .With("Blacklist:RateLimits:Feeds:Window", "00:10:00");
        using var first = factory.WithBearer(factory.CreateKey("first", SecurityRole.Reader));
        using var second = factory.WithBearer(factory.CreateKey("second", SecurityRole.Reader));

        for (var i = 0; i < 3; i++)
        {
            (await first.GetAsync("/api/fortigate")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var rejected = await first.GetAsync("/api/fortigate");
        await rejected.ProblemAsync(429);
        rejected.Headers.RetryAfter.ShouldNotBeNull();
        rejected.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);

        (await second.GetAsync("/api/fortigate")).StatusCode.ShouldBe(HttpStatusCode.OK, "budgets are per key");
        (await first.GetAsync("/api/stats")).StatusCode.ShouldBe(HttpStatusCode.OK, "search has its own budget");
        (await factory.CreateAnonymousClient().GetStringAsync("/metrics")).ShouldContain("blacklist_rate_limit_rejections_total{policy=\"feeds\"}");
    }

    [Fact]
    public async Task Login_attempts_have_their_own_budget()
    {
        await using var factory = new BlacklistAppFactory().With("Blacklist:RateLimits:Login:PermitLimit", "2").With("Blacklist:RateLimits:Login:Window", "00:10:00");
        using var browser = LoginTests.Browser(factory);
        for (var i = 0; i < 2; i++)
        {
            (await browser.PostAsJsonAsync("/api/auth/login", new { username = "x", password = "y" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await browser.PostAsJsonAsync("/api/auth/login", new { username = "x", password = "y" })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
