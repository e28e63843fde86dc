using System.Globalization;

namespace Blacklist.Core.Parsing.Csv;

/// <summary>A <see cref="CsvColumnMapping"/> resolved against a header: each field's 0-based column, or -1.</summary>
internal sealed class CsvColumns
{
    private CsvColumns(string[]? header)
    {
        Header = header;
    }

    /// <summary>The header names, trimmed; null for a file without a header.</summary>
    public string[]? Header { get; }

    public int Address { get; private init; }

    public int Reason { get; private init; } = -1;

    public int Category { get; private init; } = -1;

    public int Country { get; private init; } = -1;

    public int DetectedAt { get; private init; } = -1;

    public int ReleasedAt { get; private init; } = -1;

    public int Confidence { get; private init; } = -1;

    /// <summary>Resolves the mapping; on failure <paramref name="error"/> says which column is missing and what exists.</summary>
    public static CsvColumns? Resolve(CsvColumnMapping mapping, IReadOnlyList<string>? header, out string? error)
    {
        var names = header?.Select(name => name.Trim()).ToArray();
        var missing = new List<string>();
        int Find(string? spec, string field)
        {
            if (spec is null)
            {
                return -1;
            }

            var wanted = spec.Trim();
            if (names is not null)
            {
                var byName = Array.FindIndex(names, name => name.Equals(wanted, StringComparison.OrdinalIgnoreCase));
                if (byName >= 0)
                {
                    return byName;
                }
            }

            if (int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return index;
            }

            missing.Add($"{field} '{spec}'");
            return -1;
        }

        var columns = new CsvColumns(names)
        {
            Address = Find(mapping.Address, "address"),
            Reason = Find(mapping.Reason, "reason"),
            Category = Find(mapping.Category, "category"),
            Country = Find(mapping.Country, "country"),
            DetectedAt = Find(mapping.DetectedAt, "detection date"),
            ReleasedAt = Find(mapping.ReleasedAt, "release date"),
            Confidence = Find(mapping.Confidence, "confidence"),
        };
        if (missing.Count == 0)
        {
            error = null;
            return columns;
        }

        error = names is null
            ? $"without a header every column is mapped by its 0-based index; {string.Join(", ", missing)} is not a number."
            : $"the header has no column for {string.Join(", ", missing)}; its columns are: {string.Join(", ", names.Select(n => $"'{n}'"))}. Map each field to one of these names or to a 0-based index.";
        return null;
    }

    /// <summary>Whether a column feeds one of the mapped fields (the rest can become attributes).</summary>
    public bool IsMapped(int column)
        => column == Address || column == Reason || column == Category || column == Country
           || column == DetectedAt || column == ReleasedAt || column == Confidence;

    /// <summary>How to name a column in a message: its header name, else its 0-based index.</summary>
    public string Name(int column)
        => Header is not null && column < Header.Length ? $"'{Header[column]}'" : $"#{column}";
}
