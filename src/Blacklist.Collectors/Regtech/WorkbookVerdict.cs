using Blacklist.Collectors.Polite;

namespace Blacklist.Collectors.Regtech;

/// <summary>
/// Whether REGTECH's Excel answer can be used. It cannot when the download is missing (not a
/// 2xx), empty or tiny (under <see cref="RegtechSettings.MinWorkbookBytes"/>), an HTML page
/// instead of a workbook, unreadable, without an address column, or stale: its newest detection
/// date is older than the window's start by more than <see cref="RegtechSettings.StaleAfterDays"/>
/// (the portal ignored the dates and sent an old export).
/// </summary>
internal sealed record WorkbookVerdict(AdvisoryTable? Table, string? Problem, bool Stale = false)
{
    public static WorkbookVerdict Judge(PortalResponse download, DateWindow window, RegtechSettings settings, CancellationToken cancellationToken)
    {
        if (!download.IsSuccess)
        {
            return Unusable($"the Excel download is missing (HTTP {(int)download.Status})");
        }

        if (download.Body.Length < settings.MinWorkbookBytes)
        {
            return Unusable($"the Excel file is tiny ({download.Body.Length} bytes, under {settings.MinWorkbookBytes})");
        }

        if (!download.IsZip)
        {
            return Unusable(download.LooksLikeHtml
                ? "the server answered an HTML page instead of the Excel file"
                : $"the download is not an .xlsx file (content type {download.MediaType ?? "none"})");
        }

        AdvisoryTable table;
        try
        {
            table = AdvisoryWorkbook.Read(download.Body, AdvisoryColumns.Regtech, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return Unusable($"the Excel file cannot be read: {ex.Message}");
        }

        if (!table.HeaderFound)
        {
            return Unusable($"no sheet of the Excel file has an IP column ({string.Join(", ", AdvisoryColumns.Regtech.Address)})");
        }

        var newest = table.Rows
            .Select(r => KoreanDates.TryParse(r.DetectedAt, out var at) ? at : (DateTimeOffset?)null)
            .Max();
        var staleBefore = window.StartsAt.AddDays(-settings.StaleAfterDays);
        if (newest is { } n && n < staleBefore)
        {
            return new WorkbookVerdict(
                null,
                $"the Excel file is stale: its newest detection date is {n:yyyy-MM-dd}, more than {settings.StaleAfterDays} days before the window starts ({window.Start:yyyy-MM-dd})",
                Stale: true);
        }

        return new WorkbookVerdict(table, null);
    }

    private static WorkbookVerdict Unusable(string problem) => new(null, problem);
}
