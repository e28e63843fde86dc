using System.Text;

namespace Blacklist.Core.Parsing.Text;

/// <summary>
/// The shared loop of formats that hold one entry per line: UTF-8 lines, overlong lines rejected,
/// cancellation checked per line. Each format only says what one line means.
/// </summary>
internal abstract class LineFeedParser(Encoding encoding) : IFeedParser
{
    protected Encoding Encoding { get; } = encoding;

    public IEnumerable<ParsedRecord> Parse(Stream input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ParseLines(input, cancellationToken);
    }

    /// <summary>Reads one line; false when it holds no entry and no issue (blank, comment, metadata).</summary>
    protected abstract bool TryRead(ReadOnlySpan<byte> line, int lineNumber, LineContext context, out ParsedRecord record);

    private IEnumerable<ParsedRecord> ParseLines(Stream input, CancellationToken cancellationToken)
    {
        using var reader = Utf8LineReader.Open(input, Encoding, cancellationToken);
        var context = new LineContext();
        while (reader.ReadLine())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.LineTooLong)
            {
                yield return ParsedRecord.Rejected(reader.LineNumber, IssueText.TooLong(reader.Line), IssueText.Of(reader.Line));
            }
            else if (TryRead(reader.Line, reader.LineNumber, context, out var record))
            {
                yield return record;
            }
        }
    }
}

/// <summary>What a parse has learned from the lines read so far (e.g. a FireHOL header's category).</summary>
internal sealed class LineContext
{
    public string? Category { get; set; }
}
