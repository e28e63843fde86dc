using System.Net.Http.Headers;
using System.Text;
using Blacklist.Data.Security;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Security;

/// <summary>Clients that present credentials the ways firewalls and scripts do.</summary>
internal static class SecurityClients
{
    public static HttpClient WithBearer(this BlacklistAppFactory factory, string key)
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>What `curl -u fortigate:KEY` sends.</summary>
    public static HttpClient WithBasic(this BlacklistAppFactory factory, string user, string key)
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{key}")));
        return client;
    }

    public static HttpClient WithApiKey(this BlacklistAppFactory factory, string key)
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        return client;
    }

    public static HttpClient ForRole(this BlacklistAppFactory factory, SecurityRole? role)
        => role is { } r ? factory.WithBearer(factory.CreateKey($"test-{r}", r)) : factory.CreateAnonymousClient();

    public static HttpRequestMessage From(this HttpRequestMessage request, string address)
    {
        request.Headers.Add(RemoteAddress.Header, address);
        return request;
    }
}
