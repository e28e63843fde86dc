namespace Blacklist.Core.Parsing;

/// <summary>Which parser to use and how: the format name plus CSV options where they apply.</summary>
public sealed record FeedParserSettings(string Format)
{
    /// <summary>CSV: the field delimiter.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Text encoding name (utf-8, cp949, euc-kr…); a BOM overrides it.</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>CSV: column names (from the header) or 0-based indexes for each field.</summary>
    public CsvColumnMapping? Columns { get; init; }

    /// <summary>CSV: whether the first row is a header. Without one, every column must be mapped by index.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>
    /// IANA time zone (e.g. "Asia/Seoul" for REGTECH) for dates that carry no offset; dates with
    /// an offset or 'Z' keep their own.
    /// </summary>
    public string TimeZone { get; init; } = "UTC";
}

/// <summary>Which CSV column holds each field: a header name or a 0-based index as text.</summary>
public sealed record CsvColumnMapping
{
    public string Address { get; init; } = "ip";

    public string? Reason { get; init; }

    public string? Category { get; init; }

    public string? Country { get; init; }

    public string? DetectedAt { get; init; }

    public string? ReleasedAt { get; init; }

    public string? Confidence { get; init; }
}
