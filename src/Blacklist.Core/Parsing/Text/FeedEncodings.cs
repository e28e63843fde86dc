using System.Globalization;
using System.Text;

namespace Blacklist.Core.Parsing.Text;

/// <summary>
/// Turns a feed's declared encoding into UTF-8 bytes, so every parser reads one kind of text.
/// Korean feeds label CP949 files "euc-kr"; CP949 is a superset of EUC-KR, so both names decode as CP949.
/// </summary>
internal static class FeedEncodings
{
    private const int KoreanCodePage = 949;

    // The static constructor runs once, thread-safely, before the first use of this class.
    static FeedEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding for a settings name; throws <see cref="ArgumentException"/> for an unknown name.</summary>
    public static Encoding Resolve(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        try
        {
            return key switch
            {
                "utf-8" or "utf8" or "" => Encoding.UTF8,
                "cp949" or "ms949" or "uhc" or "euc-kr" or "euckr" or "ks_c_5601-1987" => Encoding.GetEncoding(KoreanCodePage),
                _ when TryCodePage(key, out var codePage) => Encoding.GetEncoding(codePage),
                _ => Encoding.GetEncoding(key),
            };
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new ArgumentException($"Unknown text encoding '{name}'; use utf-8, cp949 (alias euc-kr) or another .NET encoding name or code page number.", nameof(name), e);
        }
    }

    /// <summary>
    /// The input as UTF-8 bytes: as is when it is UTF-8, else transcoded while streaming.
    /// A byte-order mark wins over the declared encoding.
    /// </summary>
    public static Stream AsUtf8(Stream input, Encoding declared)
    {
        var head = new byte[3];
        var length = 0;
        while (length < head.Length)
        {
            var read = input.Read(head, length, head.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        var source = new PrefixedStream(head, length, input);
        var span = head.AsSpan(0, length);
        var encoding = span.StartsWith("\uFEFF"u8) ? Encoding.UTF8
            : span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode
            : span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode
            : declared;
        return encoding.CodePage == Encoding.UTF8.CodePage
            ? source
            : Encoding.CreateTranscodingStream(source, encoding, Encoding.UTF8, leaveOpen: true);
    }

    private static bool TryCodePage(string key, out int codePage)
    {
        var digits = key.StartsWith("cp", StringComparison.Ordinal) ? key[2..]
            : key.StartsWith("windows-", StringComparison.Ordinal) ? key[8..]
            : key;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out codePage);
    }
}
