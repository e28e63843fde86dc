namespace Blacklist.Core.Parsing.Csv;

/// <summary>How one CSV feed is read: the generic settings, or a fixed layout such as Feodo Tracker's.</summary>
internal sealed record CsvFeedOptions(CsvColumnMapping Columns, byte Delimiter, bool HasHeader, TimeZoneInfo TimeZone)
{
    /// <summary>A category given to every row (a feed about one kind of threat).</summary>
    public string? Category { get; init; }

    /// <summary>The header may stand in a '#' comment line (Feodo Tracker writes it so).</summary>
    public bool HeaderMayBeComment { get; init; }

    /// <summary>
    /// Which unmapped columns become attributes, and under what name. Null keeps every unmapped
    /// column under its header name.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
