namespace Blacklist.Collectors.Regtech;

/// <summary>
/// One data row of an advisory table (a workbook sheet or an HTML list), its fields picked by
/// header. Dates stay as the cell gave them (text, serial number or date) until mapped.
/// </summary>
internal sealed record AdvisoryRow(int RowNumber, string Address, string? Country, string? Reason, object? DetectedAt, object? ReleasedAt)
{
    /// <summary>Every column of the row by its header text, for the indicator's raw attributes.</summary>
    public IReadOnlyDictionary<string, string> Raw { get; init; } = new Dictionary<string, string>();
}

/// <summary>The rows of the table that has an address column; <see cref="HeaderFound"/> false when none has.</summary>
internal sealed record AdvisoryTable(bool HeaderFound, IReadOnlyList<AdvisoryRow> Rows)
{
    public static AdvisoryTable NotFound { get; } = new(false, []);
}
