using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Blacklist.Data.Contracts;
using Blacklist.Data.Security;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Security;

/// <summary>
/// A few thousand malformed requests from a fixed seed: random routes, methods, bodies (huge,
/// truncated, binary), headers and credentials. None may answer 500 or change stored data.
/// </summary>
public sealed class MalformedRequestTests
{
    private const int Requests = 2500;

    private static readonly string[] Paths =
    [
        "/api/blacklist/active", "/api/fortigate", "/api/search", "/api/search/{x}", "/api/stats", "/api/blacklist/manual", "/api/blacklist/manual/{n}",
        "/api/allowlist", "/api/allowlist/{n}", "/api/audit", "/api/collection/status", "/api/collection/{x}/trigger", "/api/collection/runs/{n}",
        "/api/collection/runs/{n}/accept", "/api/collection/enable", "/api/collection/disable", "/api/sources/{x}/credentials", "/api/sources/regtech/session",
        "/api/keys", "/api/keys/{n}", "/api/auth/login", "/api/auth/logout", "/api/auth/me", "/api/auth/csrf", "/api/auth/users", "/api/feeds/{x}",
        "/{x}", "/api/{x}/{x}", "/health", "/ready",
    ];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND"];

    [Fact]
    public async Task Malformed_requests_never_answer_500_nor_change_stored_data()
    {
        await using var factory = new BlacklistAppFactory();
        using var admin = factory.CreateClient();
        await admin.AddManualAsync(new { ip = "192.0.2.77", reason = "fuzz baseline" });
        var reader = factory.CreateKey("fuzz-reader", SecurityRole.Reader);
        var before = await StateAsync(factory, admin);

        using var client = factory.CreateAnonymousClient();
        var random = new Random(20260822);
        var serverErrors = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            using var request = Build(random, reader);
            var description = $"{request.Method} {request.RequestUri}";
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request);
            }
            catch (HttpRequestException)
            {
                continue; // the client refused to send it; nothing reached the server
            }

            if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                serverErrors.Add($"{(int)response.StatusCode} {description}: {await response.Content.ReadAsStringAsync()}");
            }

            response.Dispose();
        }

        serverErrors.ShouldBeEmpty();
        (await StateAsync(factory, admin)).ShouldBe(before);
        (await admin.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> StateAsync(BlacklistAppFactory factory, HttpClient admin)
    {
        var active = await admin.GetStringAsync("/api/blacklist/active");
        var manual = await admin.GetStringAsync("/api/blacklist/manual");
        var allowlist = await admin.GetStringAsync("/api/allowlist");
        var audit = (await factory.Services.GetRequiredService<IAuditLog>().ListAsync(1000, CancellationToken.None)).Count;
        var securityAudit = await factory.Services.GetRequiredService<ISecurityAuditLog>().CountAsync(CancellationToken.None);
        var keys = (await factory.Services.GetRequiredService<IApiKeyStore>().ListAsync(CancellationToken.None)).Select(k => (k.Id, k.RevokedAt));
        return $"{active}|{manual}|{allowlist}|{audit}|{securityAudit}|{string.Join(',', keys)}";
    }

    private static HttpRequestMessage Build(Random random, string readerKey)
    {
        var path = Paths[random.Next(Paths.Length)]
            .Replace("{x}", Uri.EscapeDataString(RandomText(random, random.Next(0, 40)).Replace("\0", "", StringComparison.Ordinal)), StringComparison.Ordinal)
            .Replace("{n}", random.Next(3) == 0 ? "-1" : random.NextInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (random.Next(4) == 0)
        {
            path += "?" + Uri.EscapeDataString(RandomText(random, 8)) + "=" + Uri.EscapeDataString(RandomText(random, random.Next(0, 300))); // TestServer refuses %00 in the path only
        }

        var method = Methods[random.Next(Methods.Length)];
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is not ("GET" or "HEAD" or "TRACE"))
        {
            request.Content = RandomBody(random);
        }

        switch (random.Next(8))
        {
            case 0:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + RandomText(random, random.Next(0, 200)));
                break;
            case 1:
                request.Headers.TryAddWithoutValidation("Authorization", "Basic " + RandomText(random, random.Next(0, 900)));
                break;
            case 2:
                request.Headers.TryAddWithoutValidation("X-API-Key", "bl_" + RandomText(random, random.Next(0, 80)));
                break;
            case 3:
                request.Headers.TryAddWithoutValidation("Authorization", RandomText(random, 30));
                break;
            case 4 when method is "GET" or "HEAD":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", readerKey); // a real reader; reads only
                break;
            default:
                break;
        }

        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("X-" + RandomWord(random), RandomText(random, random.Next(0, 100)));
            request.Headers.TryAddWithoutValidation("If-None-Match", RandomText(random, 20));
            request.Headers.TryAddWithoutValidation("Accept-Encoding", RandomText(random, 10));
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", RandomText(random, 20));
        }

        return request;
    }

    private static HttpContent RandomBody(Random random)
    {
        var text = random.Next(7) switch
        {
            0 => "",
            1 => "{\"ip\": \"" + RandomText(random, 30) + "\", \"reason\": ",
            2 => "{\"name\": " + new string('[', random.Next(1, 5000)),
            3 => "{\"cidr\": \"10.0.0.0/" + random.Next(-5, 200) + "\", \"reason\": \"x\", \"expiresAt\": \"" + RandomText(random, 12) + "\"}",
            4 => new string('a', random.Next(1, 3) * 1024 * 1024), // beyond the 1 MiB body limit
            5 => "[" + string.Join(',', Enumerable.Range(0, random.Next(0, 3000)).Select(_ => "\"" + RandomText(random, 6) + "\"")) + "]",
            _ => RandomText(random, random.Next(0, 2000)),
        };
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(random.Next(4) switch
        {
            0 => "text/plain",
            1 => "application/x-www-form-urlencoded",
            _ => "application/json",
        });
        return content;
    }

    private static string RandomText(Random random, int length)
    {
        const string alphabet = "abcdefXYZ0123456789 _-./:%{}[]\"'\\<>;,=&?#~!@$^*()+|`\u00e9\u4e2d\u0000\u200b";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static string RandomWord(Random random) => new([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)('a' + random.Next(26)))]);
}
