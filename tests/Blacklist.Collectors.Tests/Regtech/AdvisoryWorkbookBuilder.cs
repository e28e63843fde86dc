using MiniExcelLibs;

namespace Blacklist.Collectors.Tests.Regtech;

/// <summary>Writes real .xlsx workbooks with MiniExcel (no checked-in binaries), laid out as <see cref="WorkbookLayout"/> says.</summary>
internal static class AdvisoryWorkbookBuilder
{
    public static byte[] Build(IEnumerable<FakeAdvisory> advisories, WorkbookLayout layout)
    {
        var width = Math.Max(layout.Columns.Count, 1);
        var rows = new List<Dictionary<string, object?>>();
        foreach (var above in layout.RowsAboveHeader)
        {
            rows.Add(Row(width, [above]));
        }

        rows.Add(Row(width, [.. layout.Columns.Select(c => (object?)c.Header)]));
        var index = 0;
        foreach (var advisory in advisories)
        {
            var serial = layout.Dates == DateStyle.Serial || (layout.Dates == DateStyle.Alternating && index % 2 == 1);
            rows.Add(Row(width, [.. layout.Columns.Select(c => Cell(advisory, c.Column, serial))]));
            if (layout.BlankRowBetweenRows)
            {
                rows.Add(Row(width, []));
            }

            index++;
        }

        var sheets = new Dictionary<string, object>();
        if (layout.NotesSheetFirst)
        {
            sheets["안내"] = new List<Dictionary<string, object?>>
            {
                Row(2, ["보안권고 안내", "이 파일은 금융보안원 보안권고입니다"]),
                Row(2, ["작성일", "2026-08-20"]),
            };
        }

        sheets["블랙리스트"] = rows;
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, printHeader: false);
        return stream.ToArray();
    }

    /// <summary>The Excel serial day number of a date (1900 date system), as Excel stores it.</summary>
    public static double Serial(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static object? Cell(FakeAdvisory advisory, AdvisoryColumn column, bool serial) => column switch
    {
        AdvisoryColumn.Address => advisory.Address,
        AdvisoryColumn.Country => advisory.Country,
        AdvisoryColumn.Reason => advisory.Reason,
        AdvisoryColumn.Detected => DateCell(advisory.DetectedOn, serial),
        AdvisoryColumn.Released => advisory.ReleasedOn is { } released ? DateCell(released, serial) : null,
        _ => "비고",
    };

    private static object DateCell(DateOnly day, bool serial) => serial ? Serial(day) : day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Row(int width, object?[] values)
    {
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < width; i++)
        {
            row[((char)('A' + i)).ToString()] = i < values.Length ? values[i] : null;
        }

        return row;
    }
}
