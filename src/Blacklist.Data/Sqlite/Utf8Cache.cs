using System.Text;

namespace Blacklist.Data.Sqlite;

/// <summary>UTF-8 bytes of the few texts a feed repeats on every line (reason, category, country), encoded once.</summary>
internal sealed class Utf8Cache
{
    private const int MaxEntries = 10_000;

    private readonly Dictionary<string, byte[]> encoded = new(StringComparer.Ordinal);

    public byte[]? Get(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (encoded.TryGetValue(text, out var bytes))
        {
            return bytes;
        }

        bytes = Encoding.UTF8.GetBytes(text);
        if (encoded.Count < MaxEntries)
        {
            encoded[text] = bytes;
        }

        return bytes;
    }
}
