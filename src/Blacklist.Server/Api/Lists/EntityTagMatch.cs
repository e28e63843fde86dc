using Microsoft.Extensions.Primitives;

namespace Blacklist.Server.Api.Lists;

/// <summary>If-None-Match against a payload's tags (RFC 9110: weak comparison, "*" matches any).</summary>
internal static class EntityTagMatch
{
    public static bool Any(StringValues ifNoneMatch, StringValues first, StringValues second, StringValues third)
    {
        foreach (var header in ifNoneMatch)
        {
            var rest = header.AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var tag = (comma < 0 ? rest : rest[..comma]).Trim();
                rest = comma < 0 ? default : rest[(comma + 1)..];
                if (tag.StartsWith("W/", StringComparison.Ordinal))
                {
                    tag = tag[2..];
                }

                if (tag.SequenceEqual("*") || tag.SequenceEqual(first.ToString()) || tag.SequenceEqual(second.ToString()) || tag.SequenceEqual(third.ToString()))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
