using Microsoft.AspNetCore.Http;

namespace Blacklist.Collectors.Tests.Regtech;

/// <summary>What a fake portal received: enough to check a client speaks the protocol.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Form,
    IReadOnlyDictionary<string, string> Cookies,
    IReadOnlyDictionary<string, string> Headers)
{
    public static async Task<RecordedRequest> ReadAsync(HttpRequest request)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync())
            {
                form[key] = value.ToString();
            }
        }

        return new RecordedRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            form,
            CookiesOf(request),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The Cookie header as sent (ASP.NET Core's parser drops values with spaces, like REGTECH's "Bearer …").</summary>
    public static Dictionary<string, string> CookiesOf(HttpRequest request)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in request.Headers.Cookie.ToString().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                cookies[pair[..equals]] = Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return cookies;
    }

    public override string ToString() => $"{Method} {Path}";
}
