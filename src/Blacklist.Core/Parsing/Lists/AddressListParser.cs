using System.Text;
using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Core.Parsing.Text;

namespace Blacklist.Core.Parsing.Lists;

/// <summary>
/// The shared reader of line-per-address formats (plain, ipsum, Spamhaus DROP, FireHOL): one token
/// per line, comments skipped. Each format only says what the text after the token means.
/// </summary>
internal abstract class AddressListParser(Encoding encoding) : LineFeedParser(encoding)
{
    /// <summary>Adds every range straight to <paramref name="builder"/>: no string and no observation per line.</summary>
    public void ReadRanges(Stream input, IpSetBuilder builder, Action<ParseIssue>? onIssue, CancellationToken cancellationToken)
    {
        using var reader = Utf8LineReader.Open(input, Encoding, cancellationToken);
        while (reader.ReadLine())
        {
            // Most lines of a big list are one bare IPv4 address: take them without splitting.
            if (IpRangeParser.TryParseV4(reader.Line, out var address))
            {
                builder.AddV4(address, address);
            }
            else
            {
                AddLine(reader, builder, onIssue);
            }
        }
    }

    /// <summary>Builds the observation for a parsed token; <paramref name="rest"/> is the trimmed text after it.</summary>
    protected abstract Observation Describe(IpRange range, int lineNumber, ReadOnlySpan<byte> rest, LineContext context, out string? problem);

    /// <summary>Reads what a format keeps from a comment line (text after the marker, trimmed).</summary>
    protected virtual void OnComment(ReadOnlySpan<byte> comment, LineContext context)
    {
    }

    protected static string Utf8(ReadOnlySpan<byte> text) => Encoding.UTF8.GetString(text);

    /// <summary>The first whitespace-separated word of <paramref name="text"/>.</summary>
    protected static ReadOnlySpan<byte> FirstWord(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOfAny((byte)' ', (byte)'\t');
        return end < 0 ? text : text[..end];
    }

    protected override bool TryRead(ReadOnlySpan<byte> line, int lineNumber, LineContext context, out ParsedRecord record)
    {
        record = default;
        switch (AddressLine.Read(line, out var result, out var rest))
        {
            case AddressLineKind.Blank:
                return false;
            case AddressLineKind.Comment:
                OnComment(AddressLine.CommentText(line), context);
                return false;
        }

        if (!result.Success)
        {
            record = ParsedRecord.Rejected(lineNumber, result.Error!, IssueText.Of(line));
            return true;
        }

        var observation = Describe(result.Range, lineNumber, rest, context, out var problem);
        var warning = result.Warning is null ? problem : problem is null ? result.Warning : $"{result.Warning} {problem}";
        record = warning is null ? ParsedRecord.Of(observation) : ParsedRecord.Warned(observation, warning, IssueText.Of(line));
        return true;
    }

    private static void AddLine(Utf8LineReader reader, IpSetBuilder builder, Action<ParseIssue>? onIssue)
    {
        var line = reader.Line;
        if (reader.LineTooLong)
        {
            onIssue?.Invoke(new ParseIssue(reader.LineNumber, ParseIssueKind.Rejected, IssueText.TooLong(line), IssueText.Of(line)));
            return;
        }

        if (AddressLine.Read(line, out var result, out _) != AddressLineKind.Address)
        {
            return;
        }

        if (!result.Success)
        {
            onIssue?.Invoke(new ParseIssue(reader.LineNumber, ParseIssueKind.Rejected, result.Error!, IssueText.Of(line)));
            return;
        }

        builder.Add(result.Range);
        if (result.Warning is { } warning)
        {
            onIssue?.Invoke(new ParseIssue(reader.LineNumber, ParseIssueKind.Warning, warning, IssueText.Of(line)));
        }
    }
}
