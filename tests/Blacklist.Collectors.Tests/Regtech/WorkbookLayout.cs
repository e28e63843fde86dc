namespace Blacklist.Collectors.Tests.Regtech;

/// <summary>How a generated advisory workbook looks: which headers in which order, titles, blank rows, extra sheets, date styles.</summary>
internal sealed record WorkbookLayout
{
    public static WorkbookLayout Default { get; } = new();

    /// <summary>Columns left to right: the header text and what the column holds.</summary>
    public IReadOnlyList<(string Header, AdvisoryColumn Column)> Columns { get; init; } =
    [
        ("IP", AdvisoryColumn.Address),
        ("국가", AdvisoryColumn.Country),
        ("탐지사유", AdvisoryColumn.Reason),
        ("탐지일", AdvisoryColumn.Detected),
        ("해제일", AdvisoryColumn.Released),
    ];

    /// <summary>Rows above the header (a title, an empty line).</summary>
    public IReadOnlyList<string?> RowsAboveHeader { get; init; } = [];

    /// <summary>An empty row after every data row.</summary>
    public bool BlankRowBetweenRows { get; init; }

    /// <summary>A notes sheet (without an address column) before the data sheet.</summary>
    public bool NotesSheetFirst { get; init; }

    public DateStyle Dates { get; init; } = DateStyle.Text;
}

internal enum AdvisoryColumn
{
    Address,
    Country,
    Reason,
    Detected,
    Released,
    Remark,
}

internal enum DateStyle
{
    /// <summary>"YYYY-MM-DD" text cells.</summary>
    Text,

    /// <summary>Numeric cells holding the Excel serial day number.</summary>
    Serial,

    /// <summary>Text on even rows, serial numbers on odd rows.</summary>
    Alternating,
}
