using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Core.Parsing;

namespace Blacklist.Collectors.Regtech;

/// <summary>Turns advisory rows into observations; a bad row becomes an issue and never stops the rest.</summary>
internal sealed class AdvisoryObservations
{
    private readonly string _category;
    private readonly int? _confidence;

    public AdvisoryObservations(string category, int? confidence)
    {
        _category = category;
        _confidence = confidence;
    }

    public List<Observation> Observations { get; } = [];

    public List<ParseIssue> Issues { get; } = [];

    public long Rows { get; private set; }

    /// <summary>The newest detection date seen, to judge whether a file is stale.</summary>
    public DateTimeOffset? NewestDetection { get; private set; }

    public void AddRange(IEnumerable<AdvisoryRow> rows, string where)
    {
        foreach (var row in rows)
        {
            Add(row, where);
        }
    }

    public void Add(AdvisoryRow row, string where)
    {
        Rows++;
        var line = string.Join(" | ", row.Raw.Values);
        if (row.Address.Length == 0)
        {
            Issues.Add(new ParseIssue(row.RowNumber, ParseIssueKind.Rejected, $"{where} row {row.RowNumber} has no address", line));
            return;
        }

        var parsed = IpRangeParser.Parse(row.Address);
        if (!parsed.Success)
        {
            Issues.Add(new ParseIssue(row.RowNumber, ParseIssueKind.Rejected, $"{where} row {row.RowNumber}: '{row.Address}' is not an address ({parsed.Error})", line));
            return;
        }

        var detected = Date(row, row.DetectedAt, "detection date", where, line);
        var released = Date(row, row.ReleasedAt, "release date", where, line);
        if (detected is { } d && (NewestDetection is null || d > NewestDetection))
        {
            NewestDetection = d;
        }

        var observation = new Observation(parsed.Range)
        {
            Reason = row.Reason,
            Category = _category,
            Country = row.Country,
            Confidence = _confidence,
            DetectedAt = detected,
            ReleasedAt = released,
            Attributes = row.Raw,
            LineNumber = row.RowNumber,
        };
        Observations.Add(observation);
        if (parsed.Warning is { } warning)
        {
            Issues.Add(new ParseIssue(row.RowNumber, ParseIssueKind.Warning, $"{where} row {row.RowNumber}: {warning}", line));
        }
    }

    private DateTimeOffset? Date(AdvisoryRow row, object? cell, string what, string where, string line)
    {
        // "-" or "없음" is how the portal writes "no date".
        if (cell is null || (cell is string text && !text.Any(char.IsAsciiDigit)))
        {
            return null;
        }

        if (KoreanDates.TryParse(cell, out var instant))
        {
            return instant;
        }

        Issues.Add(new ParseIssue(row.RowNumber, ParseIssueKind.Warning, $"{where} row {row.RowNumber}: {what} '{cell}' is not a date; kept the row without it", line));
        return null;
    }
}
