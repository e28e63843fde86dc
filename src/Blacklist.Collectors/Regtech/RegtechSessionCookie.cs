using System.Buffers.Text;
using System.Text.Json;

namespace Blacklist.Collectors.Regtech;

/// <summary>
/// REGTECH's session cookie, <c>regtech-va</c>, holds <c>Bearer &lt;JWT&gt;</c>. An operator
/// pastes it from a browser in whatever form the browser showed: the bare value, <c>name=value</c>,
/// or a whole <c>Cookie:</c> header.
/// </summary>
public static class RegtechSessionCookie
{
    public const string Name = "regtech-va";

    /// <summary>A <c>Cookie</c> header value from what was pasted; null when nothing usable was pasted.</summary>
    public static string? Normalize(string? pasted)
    {
        var text = pasted?.Trim() ?? string.Empty;
        if (text.StartsWith("Cookie:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["Cookie:".Length..].Trim();
        }

        if (text.Length == 0 || text.Any(char.IsControl))
        {
            return null;
        }

        var looksLikePairs = text.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
            && !text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !text[..eq].Contains(' ', StringComparison.Ordinal);
        return looksLikePairs ? text : $"{Name}={text}";
    }

    /// <summary>The <c>exp</c> claim of the JWT in the header's <c>regtech-va</c> cookie, when there is one.</summary>
    public static DateTimeOffset? ExpiryOf(string cookieHeader)
    {
        foreach (var pair in cookieHeader.Split(';', StringSplitOptions.TrimEntries))
        {
            if (!pair.StartsWith(Name + "=", StringComparison.Ordinal))
            {
                continue;
            }

            var token = pair[(Name.Length + 1)..].Trim('"');
            if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                token = token["Bearer ".Length..].Trim();
            }

            var parts = token.Split('.');
            if (parts.Length != 3)
            {
                return null;
            }

            try
            {
                using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
                return payload.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                    : null;
            }
            catch (Exception ex) when (ex is FormatException or JsonException or ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        return null;
    }
}
