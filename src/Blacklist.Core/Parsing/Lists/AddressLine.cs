using System.Buffers;
using Blacklist.Core.Addresses;
using Blacklist.Core.Parsing.Text;

namespace Blacklist.Core.Parsing.Lists;

/// <summary>What a line of an address list holds.</summary>
internal enum AddressLineKind
{
    Blank,
    Comment,

    /// <summary>An address token: parsed, or rejected with a reason.</summary>
    Address,
}

/// <summary>
/// Splits one line of an address list: blank, a '#' or ';' comment, or an address token followed by
/// optional text (a count, "; SBL123", "# comment"). The token is the first whitespace-separated
/// word, widened to "a - b" when a dash stands between two words.
/// </summary>
internal static class AddressLine
{
    private static readonly SearchValues<byte> TokenEnd = SearchValues.Create(" \t#;"u8);
    private static readonly SearchValues<byte> Space = SearchValues.Create(" \t"u8);

    public static AddressLineKind Read(ReadOnlySpan<byte> line, out RangeParseResult result, out ReadOnlySpan<byte> rest)
    {
        result = default;
        rest = default;
        var nul = line.IndexOf((byte)0);
        if (nul >= 0)
        {
            result = RangeParseResult.Fail(IssueText.Binary(nul + 1));
            return AddressLineKind.Address;
        }

        var text = Trim(line);
        if (text.IsEmpty)
        {
            return AddressLineKind.Blank;
        }

        if (text[0] is (byte)'#' or (byte)';')
        {
            return AddressLineKind.Comment;
        }

        var tokenLength = TokenLength(text);
        result = IpRangeParser.Parse(text[..tokenLength]);
        rest = Trim(text[tokenLength..]);
        return AddressLineKind.Address;
    }

    /// <summary>The text of a comment line after its marker, trimmed.</summary>
    public static ReadOnlySpan<byte> CommentText(ReadOnlySpan<byte> line) => Trim(Trim(line)[1..]);

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        var start = text.IndexOfAnyExcept(Space);
        return start < 0 ? default : text[start..(text.LastIndexOfAnyExcept(Space) + 1)];
    }

    private static int TokenLength(ReadOnlySpan<byte> text)
    {
        var end = WordEnd(text, 0);
        if (text[end - 1] == '-')
        {
            // "a- b": the second address is the next word.
            return WordEnd(text, SkipSpace(text, end));
        }

        var next = SkipSpace(text, end);
        if (next < text.Length && text[next] == '-')
        {
            // "a - b" or "a -b".
            var after = SkipSpace(text, next + 1);
            return after < text.Length && text[after] is not ((byte)'#' or (byte)';') ? WordEnd(text, after) : next + 1;
        }

        return end;
    }

    private static int WordEnd(ReadOnlySpan<byte> text, int start)
    {
        if (start >= text.Length)
        {
            return text.Length;
        }

        var end = text[start..].IndexOfAny(TokenEnd);
        return end < 0 ? text.Length : start + end;
    }

    private static int SkipSpace(ReadOnlySpan<byte> text, int start)
    {
        var skip = text[start..].IndexOfAnyExcept(Space);
        return skip < 0 ? text.Length : start + skip;
    }
}
