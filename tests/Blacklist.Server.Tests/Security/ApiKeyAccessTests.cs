using System.Net;
using System.Net.Http.Json;
using Blacklist.Data.Security;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Security;

public sealed class ApiKeyAccessTests
{
    [Fact]
    public async Task A_reader_key_reads_feeds_as_bearer_x_api_key_and_basic_auth_password()
    {
        await using var factory = new BlacklistAppFactory();
        var key = factory.CreateKey("fortigate", SecurityRole.Reader);

        using var bearer = factory.WithBearer(key);
        using var header = factory.WithApiKey(key);
        using var basic = factory.WithBasic("fortigate", key); // curl -u fortigate:KEY
        foreach (var client in new[] { bearer, header, basic })
        {
            (await client.GetAsync("/api/fortigate")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync("/api/blacklist/active?format=edl")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Revoked_and_expired_keys_fail()
    {
        await using var factory = new BlacklistAppFactory();
        var key = factory.CreateKey("soon-revoked", SecurityRole.Reader);
        var expiring = factory.CreateKey("expiring", SecurityRole.Reader, BlacklistAppFactory.Start.AddHours(1));
        using var admin = factory.CreateClient();
        using var reader = factory.WithBearer(key);
        using var expiringReader = factory.WithBearer(expiring);
        (await reader.GetAsync("/api/stats")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await expiringReader.GetAsync("/api/stats")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var keys = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/keys");
        var id = keys.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "soon-revoked").GetProperty("id").GetInt64();
        (await admin.DeleteAsync($"/api/keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await reader.GetAsync("/api/stats")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        factory.Time.Advance(TimeSpan.FromHours(2));
        (await expiringReader.GetAsync("/api/stats")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_secret_for_a_real_key_id_fails()
    {
        await using var factory = new BlacklistAppFactory();
        var key = factory.CreateKey("real", SecurityRole.Admin);
        using var forged = factory.WithBearer(key[..^4] + "AAAA");
        (await forged.GetAsync("/api/stats")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Anonymous_feed_access_only_from_allowed_networks()
    {
        await using var factory = RemoteAddress.Enable(new BlacklistAppFactory().With("Blacklist:Access:AnonymousFeedNetworks:0", "198.51.100.0/24"));
        using var anonymous = factory.CreateAnonymousClient();
        (await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/fortigate").From("198.51.100.7"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/fortigate").From("203.0.113.7"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/fortigate").From("127.0.0.1"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "configured networks replace the loopback default");

        // The network lets feeds through, nothing else.
        (await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/stats").From("198.51.100.7"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Loopback_reads_feeds_anonymously_by_default_but_forwarded_headers_from_untrusted_peers_are_ignored()
    {
        await using var factory = RemoteAddress.Enable(new BlacklistAppFactory());
        using var anonymous = factory.CreateAnonymousClient();
        (await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/blacklist/active").From("127.0.0.1"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var spoofed = new HttpRequestMessage(HttpMethod.Get, "/api/blacklist/active").From("203.0.113.9");
        spoofed.Headers.Add("X-Forwarded-For", "127.0.0.1");
        (await anonymous.SendAsync(spoofed)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_trusted_proxy_forwards_the_client_address()
    {
        await using var factory = RemoteAddress.Enable(new BlacklistAppFactory().With("Blacklist:Access:TrustedProxies:0", "10.0.0.5"));
        using var anonymous = factory.CreateAnonymousClient();
        var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/api/blacklist/active").From("10.0.0.5");
        viaProxy.Headers.Add("X-Forwarded-For", "127.0.0.1");
        (await anonymous.SendAsync(viaProxy)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_key_limited_to_networks_fails_elsewhere()
    {
        await using var factory = RemoteAddress.Enable(new BlacklistAppFactory());
        var key = factory.CreateKey("pinned", SecurityRole.Reader, null, "192.0.2.0/24");
        using var client = factory.WithBearer(key);
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/stats").From("192.0.2.10"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/stats").From("198.51.100.10"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Keys_are_created_once_and_listed_without_secret()
    {
        await using var factory = new BlacklistAppFactory();
        using var admin = factory.CreateClient();
        var created = await admin.PostAsJsonAsync("/api/keys", new { name = "palo-alto", role = "reader", expiresInDays = 90, allowedCidrs = new[] { "10.1.0.0/16" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.JsonAsync();
        var key = body.GetProperty("key").GetString()!;
        key.ShouldStartWith("bl_");

        var listed = await admin.GetStringAsync("/api/keys");
        listed.ShouldContain("palo-alto");
        listed.ShouldNotContain(key.Split('_', 3)[2]);

        var invalid = await admin.PostAsJsonAsync("/api/keys", new { name = "", role = "root", allowedCidrs = new[] { "nonsense" } });
        var problem = await invalid.ProblemAsync(400);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["name", "role", "allowedCidrs"], ignoreOrder: true);
    }
}
