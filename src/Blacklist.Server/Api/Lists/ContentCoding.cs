using Microsoft.Extensions.Primitives;

namespace Blacklist.Server.Api.Lists;

/// <summary>The encodings a list is kept in.</summary>
internal enum ContentCoding
{
    Identity,
    Gzip,
    Brotli,
}

/// <summary>Picks the encoding from Accept-Encoding: brotli, else gzip, else none (q=0 refuses one).</summary>
internal static class ContentCodingNegotiation
{
    public static ContentCoding Choose(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding))
        {
            return ContentCoding.Identity;
        }

        bool brotli = false, gzip = false, any = false;
        foreach (var header in acceptEncoding)
        {
            var rest = header.AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var item = (comma < 0 ? rest : rest[..comma]).Trim();
                rest = comma < 0 ? default : rest[(comma + 1)..];
                var semicolon = item.IndexOf(';');
                var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
                if (semicolon >= 0 && IsRefused(item[(semicolon + 1)..]))
                {
                    continue;
                }

                brotli |= name.Equals("br", StringComparison.OrdinalIgnoreCase);
                gzip |= name.Equals("gzip", StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase);
                any |= name.SequenceEqual("*");
            }
        }

        return brotli || any ? ContentCoding.Brotli : gzip ? ContentCoding.Gzip : ContentCoding.Identity;
    }

    // "q=0", "q=0.0", "q=0.000": the client refuses this encoding.
    private static bool IsRefused(ReadOnlySpan<char> parameters)
    {
        var p = parameters.Trim();
        if (!p.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var value = p[2..].Trim();
        return value.Length > 0 && value[0] == '0' && !value[1..].ContainsAnyExcept(".0");
    }
}
