using System.Globalization;

namespace Blacklist.Collectors.Regtech;

/// <summary>A header row understood: which cell position holds which field.</summary>
internal sealed class AdvisoryHeader
{
    private readonly IReadOnlyList<string> _names;
    private readonly Dictionary<AdvisoryField, int> _positions;

    private AdvisoryHeader(IReadOnlyList<string> names, Dictionary<AdvisoryField, int> positions)
    {
        _names = names;
        _positions = positions;
    }

    /// <summary>The header when <paramref name="cells"/> name an address column; null otherwise.</summary>
    public static AdvisoryHeader? TryCreate(IReadOnlyList<object?> cells, AdvisoryColumns columns)
    {
        var names = cells.Select(c => CellText(c)?.Trim() ?? string.Empty).ToList();
        var positions = new Dictionary<AdvisoryField, int>();
        for (var i = 0; i < names.Count; i++)
        {
            if (columns.FieldOf(AdvisoryColumns.Normalize(names[i])) is { } field)
            {
                positions.TryAdd(field, i);
            }
        }

        return positions.ContainsKey(AdvisoryField.Address) ? new AdvisoryHeader(names, positions) : null;
    }

    /// <summary>A header for a table without one: cells in the order REGTECH's list page shows them.</summary>
    public static AdvisoryHeader Positional { get; } = new(
        ["IP", "국가", "탐지사유", "등록일", "해제일"],
        new Dictionary<AdvisoryField, int>
        {
            [AdvisoryField.Address] = 0,
            [AdvisoryField.Country] = 1,
            [AdvisoryField.Reason] = 2,
            [AdvisoryField.DetectedAt] = 3,
            [AdvisoryField.ReleasedAt] = 4,
        });

    /// <summary>The row's fields, or null when every cell is blank.</summary>
    public AdvisoryRow? ToRow(int rowNumber, IReadOnlyList<object?> cells)
    {
        if (cells.All(c => string.IsNullOrWhiteSpace(CellText(c))))
        {
            return null;
        }

        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count && i < _names.Count; i++)
        {
            var text = CellText(cells[i])?.Trim();
            if (_names[i].Length > 0 && !string.IsNullOrEmpty(text))
            {
                raw.TryAdd(_names[i], text);
            }
        }

        return new AdvisoryRow(
            rowNumber,
            Text(cells, AdvisoryField.Address) ?? string.Empty,
            Text(cells, AdvisoryField.Country),
            Text(cells, AdvisoryField.Reason),
            Cell(cells, AdvisoryField.DetectedAt),
            Cell(cells, AdvisoryField.ReleasedAt))
        {
            Raw = raw,
        };
    }

    private object? Cell(IReadOnlyList<object?> cells, AdvisoryField field)
        => _positions.TryGetValue(field, out var i) && i < cells.Count ? cells[i] : null;

    private string? Text(IReadOnlyList<object?> cells, AdvisoryField field)
        => CellText(Cell(cells, field))?.Trim() is { Length: > 0 } text ? text : null;

    private static string? CellText(object? cell) => cell switch
    {
        null => null,
        DateTime dateTime => dateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
    };
}
