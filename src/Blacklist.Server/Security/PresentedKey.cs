using System.Net.Http.Headers;
using System.Text;

namespace Blacklist.Server.Security;

/// <summary>
/// Finds the key a request presents: `Authorization: Bearer KEY`, `X-API-Key: KEY`, or HTTP basic auth
/// with the key as password (any user name; FortiGate and Palo Alto only do basic auth).
/// </summary>
internal static class PresentedKey
{
    public static bool HasCredential(HttpRequest request)
        => request.Headers.ContainsKey(SecuritySchemes.ApiKeyHeader) || request.Headers.Authorization.Count > 0;

    /// <summary>The key text, or null with a reason when the headers are present but unusable.</summary>
    public static string? Read(HttpRequest request, out string? problem)
    {
        problem = null;
        if (request.Headers.TryGetValue(SecuritySchemes.ApiKeyHeader, out var apiKey))
        {
            return apiKey.Count == 1 ? apiKey[0]?.Trim() : Bad(out problem);
        }

        var authorization = request.Headers.Authorization;
        if (authorization.Count != 1 || !AuthenticationHeaderValue.TryParse(authorization[0], out var header) || string.IsNullOrEmpty(header.Parameter))
        {
            return Bad(out problem);
        }

        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return header.Parameter.Trim();
        }

        if (header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return PasswordOfBasic(header.Parameter) ?? Bad(out problem);
        }

        return Bad(out problem);
    }

    private static string? PasswordOfBasic(string parameter)
    {
        Span<byte> decoded = stackalloc byte[512];
        if (parameter.Length > 680 || !Convert.TryFromBase64String(parameter, decoded, out var length))
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(decoded[..length]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : text[(colon + 1)..];
    }

    private static string? Bad(out string? problem)
    {
        problem = AuthFailureReason.Malformed;
        return null;
    }
}
