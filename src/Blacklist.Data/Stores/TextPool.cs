using System.Text;

namespace Blacklist.Data.Stores;

/// <summary>
/// One string instance per distinct text while reading many rows: a million indicators share a
/// handful of sources, reasons and categories, so the snapshot holds each once.
/// </summary>
internal sealed class TextPool
{
    private const int MaxEntries = 100_000;

    private readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public TextPool()
    {
        lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string? Get(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (pool.TryGetValue(text, out var shared))
        {
            return shared;
        }

        if (pool.Count < MaxEntries)
        {
            pool[text] = text;
        }

        return text;
    }

    /// <summary>The pooled string for UTF-8 bytes, decoding without allocating when the text is already pooled.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= 256)
        {
            Span<char> chars = stackalloc char[256];
            var length = Encoding.UTF8.GetChars(utf8, chars);
            if (lookup.TryGetValue(chars[..length], out var shared))
            {
                return shared;
            }

            return Get(new string(chars[..length]))!;
        }

        return Get(Encoding.UTF8.GetString(utf8))!;
    }
}
