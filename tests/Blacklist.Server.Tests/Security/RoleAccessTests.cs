using System.Net;
using System.Net.Http.Json;
using Blacklist.Data.Security;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Security;

public sealed class RoleAccessTests : IAsyncLifetime
{
    private readonly BlacklistAppFactory _factory = new();
    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>One representative request per endpoint group and the least role it needs.</summary>
    public static TheoryData<string, string, SecurityRole> Endpoints => new()
    {
        { "GET", "/api/blacklist/active", SecurityRole.Reader },
        { "GET", "/api/fortigate", SecurityRole.Reader },
        { "GET", "/api/search/192.0.2.1", SecurityRole.Reader },
        { "GET", "/api/stats", SecurityRole.Reader },
        { "GET", "/api/blacklist/manual", SecurityRole.Operator },
        { "POST", "/api/blacklist/manual", SecurityRole.Operator },
        { "GET", "/api/allowlist", SecurityRole.Operator },
        { "POST", "/api/allowlist", SecurityRole.Operator },
        { "GET", "/api/collection/status", SecurityRole.Operator },
        { "POST", "/api/collection/disable", SecurityRole.Operator },
        { "GET", "/api/audit", SecurityRole.Admin },
        { "GET", "/api/audit/security", SecurityRole.Admin },
        { "GET", "/api/keys", SecurityRole.Admin },
        { "POST", "/api/keys", SecurityRole.Admin },
        { "GET", "/api/sources/regtech/credentials", SecurityRole.Admin },
        { "GET", "/api/auth/users", SecurityRole.Admin },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_reaches_exactly_its_endpoints(string method, string path, SecurityRole least)
    {
        (await SendAsync(null, method, path)).ShouldBe(HttpStatusCode.Unauthorized, "no credential");
        foreach (var role in new[] { SecurityRole.Reader, SecurityRole.Operator, SecurityRole.Admin })
        {
            var status = await SendAsync(role, method, path);
            if (role < least)
            {
                status.ShouldBe(HttpStatusCode.Forbidden, $"{role} on {method} {path}");
            }
            else
            {
                status.ShouldNotBeOneOf([HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden], $"{role} on {method} {path}");
            }
        }
    }

    public Task InitializeAsync()
    {
        _clients["none"] = _factory.CreateAnonymousClient();
        foreach (var role in new[] { SecurityRole.Reader, SecurityRole.Operator, SecurityRole.Admin })
        {
            _clients[role.Name()] = _factory.ForRole(role);
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await _factory.DisposeAsync();
    }

    private async Task<HttpStatusCode> SendAsync(SecurityRole? role, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = JsonContent.Create(new { }); // invalid on purpose: authorised requests get 400, not a change
        }

        return (await _clients[role?.Name() ?? "none"].SendAsync(request)).StatusCode;
    }
}
