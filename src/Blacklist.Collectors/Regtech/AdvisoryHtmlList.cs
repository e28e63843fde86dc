using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Blacklist.Core.Addresses;

namespace Blacklist.Collectors.Regtech;

/// <summary>
/// Reads one page of REGTECH's HTML advisory list: the table whose header names an address
/// column (fields by header text), or, when the page has no header, the table whose first
/// cells are addresses (IP, country, reason, registration date, release date). A "no data" row
/// (one cell spanning the table) counts as no row.
/// </summary>
internal static class AdvisoryHtmlList
{
    public static AdvisoryTable Read(string html, AdvisoryColumns columns)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var table in document.QuerySelectorAll("table"))
        {
            var rows = table.QuerySelectorAll("tr").ToList();
            var headerIndex = rows.FindIndex(r => r.QuerySelector("th") is not null);
            if (headerIndex >= 0 && AdvisoryHeader.TryCreate(CellsOf(rows[headerIndex]), columns) is { } header)
            {
                return new AdvisoryTable(true, DataRows(rows.Skip(headerIndex + 1), header));
            }
        }

        foreach (var table in document.QuerySelectorAll("table"))
        {
            var rows = table.QuerySelectorAll("tr").Where(r => r.QuerySelector("th") is null).ToList();
            if (rows.Any(r => CellsOf(r) is [var first, _, ..] && IsAddress(first as string)))
            {
                return new AdvisoryTable(true, DataRows(rows, AdvisoryHeader.Positional));
            }
        }

        return AdvisoryTable.NotFound;
    }

    private static List<AdvisoryRow> DataRows(IEnumerable<IElement> rows, AdvisoryHeader header)
    {
        var result = new List<AdvisoryRow>();
        var number = 0;
        foreach (var row in rows)
        {
            number++;
            var cells = CellsOf(row);
            if (cells.Count < 2)
            {
                continue;
            }

            if (header.ToRow(number, cells) is { } parsed)
            {
                result.Add(parsed);
            }
        }

        return result;
    }

    private static List<object?> CellsOf(IElement row)
        => row.Children.Where(c => c.LocalName is "td" or "th").Select(c => (object?)c.TextContent.Trim()).ToList();

    private static bool IsAddress(string? text)
        => text is not null && IpRangeParser.TryParseAddress(text.AsSpan().Trim(), out _, out _, out _);
}
