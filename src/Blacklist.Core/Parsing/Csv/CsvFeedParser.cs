using System.Globalization;
using System.Text;
using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Core.Parsing.Text;

namespace Blacklist.Core.Parsing.Csv;

/// <summary>
/// CSV with a header (or index-mapped columns), any delimiter and encoding. Lines starting with '#'
/// are comments. A row is rejected when its address is; a bad date or confidence only leaves that
/// field empty, with a warning.
/// </summary>
internal sealed class CsvFeedParser(Encoding encoding, CsvFeedOptions options) : IFeedParser
{
    public IEnumerable<ParsedRecord> Parse(Stream input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ParseRecords(input, cancellationToken);
    }

    private IEnumerable<ParsedRecord> ParseRecords(Stream input, CancellationToken cancellationToken)
    {
        using var lines = Utf8LineReader.Open(input, encoding, cancellationToken);
        using var records = new CsvRecordReader(lines, options.Delimiter);
        var columns = options.HasHeader ? null : CsvColumns.Resolve(options.Columns, null, out _);
        CsvLineKind kind;
        while ((kind = records.Read()) != CsvLineKind.End)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (kind == CsvLineKind.Rejected)
            {
                yield return ParsedRecord.Rejected(records.LineNumber, records.Error!, IssueText.Of(records.Raw));
                continue;
            }

            if (columns is null && (kind == CsvLineKind.Record || (kind == CsvLineKind.Comment && IsCommentedHeader(records))))
            {
                columns = CsvColumns.Resolve(options.Columns, records.Fields, out var error);
                if (columns is null)
                {
                    // Without the right columns no row can be read: one clear error instead of one per row.
                    yield return ParsedRecord.Rejected(records.LineNumber, error!, IssueText.Of(records.Raw));
                    yield break;
                }

                continue;
            }

            if (kind == CsvLineKind.Record)
            {
                yield return ReadRow(records, columns!);
            }
        }
    }

    private bool IsCommentedHeader(CsvRecordReader records)
    {
        if (!options.HeaderMayBeComment)
        {
            return false;
        }

        records.SplitComment();
        var address = options.Columns.Address.Trim();
        return records.Fields.Exists(field => field.Trim().Equals(address, StringComparison.OrdinalIgnoreCase));
    }

    private ParsedRecord ReadRow(CsvRecordReader records, CsvColumns columns)
    {
        var fields = records.Fields;
        var lineNumber = records.LineNumber;
        var address = Cell(fields, columns.Address);
        if (address is null)
        {
            var why = columns.Address < fields.Count ? "is empty" : $"is missing (the row has {fields.Count} fields)";
            return ParsedRecord.Rejected(lineNumber, $"the address column {columns.Name(columns.Address)} {why}.", IssueText.Of(records.Raw));
        }

        var parsed = IpRangeParser.Parse(address);
        if (!parsed.Success)
        {
            return ParsedRecord.Rejected(lineNumber, parsed.Error!, IssueText.Of(records.Raw));
        }

        var problems = new List<string>();
        if (parsed.Warning is { } hostBits)
        {
            problems.Add(hostBits);
        }

        var observation = new Observation(parsed.Range)
        {
            LineNumber = lineNumber,
            Reason = Cell(fields, columns.Reason),
            Category = options.Category ?? Cell(fields, columns.Category),
            Country = Cell(fields, columns.Country),
            DetectedAt = Date(fields, columns, columns.DetectedAt, "detection date", problems),
            ReleasedAt = Date(fields, columns, columns.ReleasedAt, "release date", problems),
            Confidence = Confidence(fields, columns, problems),
            Attributes = Attributes(fields, columns),
        };
        return problems.Count == 0
            ? ParsedRecord.Of(observation)
            : ParsedRecord.Warned(observation, string.Join(" ", problems), IssueText.Of(records.Raw));
    }

    private static string? Cell(List<string> fields, int column)
    {
        if (column < 0 || column >= fields.Count)
        {
            return null;
        }

        var value = fields[column].Trim();
        return value.Length == 0 ? null : value;
    }

    private DateTimeOffset? Date(List<string> fields, CsvColumns columns, int column, string what, List<string> problems)
    {
        var text = Cell(fields, column);
        if (text is null)
        {
            return null;
        }

        if (FeedDates.TryParse(text, options.TimeZone, out var date))
        {
            return date;
        }

        problems.Add($"{what} '{text}' in column {columns.Name(column)} is not a date (use {FeedDates.Forms}); it is left empty.");
        return null;
    }

    private static int? Confidence(List<string> fields, CsvColumns columns, List<string> problems)
    {
        var text = Cell(fields, columns.Confidence);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100)
        {
            return value;
        }

        problems.Add($"confidence '{text}' in column {columns.Name(columns.Confidence)} is not a whole number from 0 to 100; the source's default is used.");
        return null;
    }

    private Dictionary<string, string>? Attributes(List<string> fields, CsvColumns columns)
    {
        if (columns.Header is not { } header)
        {
            return null;
        }

        Dictionary<string, string>? attributes = null;
        for (var column = 0; column < fields.Count && column < header.Length; column++)
        {
            if (columns.IsMapped(column) || Cell(fields, column) is not { } value)
            {
                continue;
            }

            var name = header[column];
            if (options.Attributes is { } renames && !renames.TryGetValue(name, out name))
            {
                continue;
            }

            attributes ??= new Dictionary<string, string>(StringComparer.Ordinal);
            attributes.TryAdd(name, value);
        }

        return attributes;
    }
}
