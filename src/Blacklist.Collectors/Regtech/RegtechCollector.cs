using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Polite;
using Microsoft.Extensions.Logging;

namespace Blacklist.Collectors.Regtech;

/// <summary>
/// REGTECH (the Financial Security Institute's portal): the blacklist advisories of a date
/// window, from the Excel download, one request per three months at most; when the workbook is
/// missing, tiny, not a workbook, without an address column or stale, the HTML list of the same
/// window is read page by page instead. REGTECH is incremental: what a window lacks is not
/// withdrawn, and a release date (해제일) becomes the indicator's expiry.
/// </summary>
public sealed class RegtechCollector : ISourceCollector
{
    public const string SourceKind = "regtech";
    public const string HttpClientName = "blacklist.regtech";

    private readonly PortalServices _services;
    private readonly ILogger<RegtechCollector> _logger;

    public RegtechCollector(PortalServices services, ILogger<RegtechCollector> logger)
    {
        _services = services;
        _logger = logger;
    }

    public string Kind => SourceKind;

    public async Task<CollectedData> CollectAsync(CollectionContext context, CancellationToken cancellationToken)
    {
        var settings = PortalSourceSettings.Load<RegtechSettings>(context);
        var window = DateWindow.ForRun(context, settings.EffectiveWindowDays, _services.Time);
        var http = _services.OpenSession(HttpClientName, context, settings, _logger);
        var portal = new RegtechPortal(http, context, settings, _services, _logger);
        await portal.OpenAsync(cancellationToken);

        var read = new AdvisoryObservations(settings.Category ?? SourceKind, settings.Confidence);
        var notes = new List<string>();
        foreach (var part in window.SplitByMonths(settings.MaxMonthsPerRequest))
        {
            await ReadWindowAsync(context.Source, portal, settings, part, read, notes, cancellationToken);
        }

        return new CollectedData(read.Observations, read.Issues)
        {
            Fetched = read.Rows,
            Bytes = http.BytesReceived,
            Note = notes.Count == 0 ? null : string.Join("; ", notes),
        };
    }

    private async Task ReadWindowAsync(
        string source,
        RegtechPortal portal,
        RegtechSettings settings,
        DateWindow window,
        AdvisoryObservations read,
        List<string> notes,
        CancellationToken cancellationToken)
    {
        var download = await portal.DownloadWorkbookAsync(window, cancellationToken);
        var verdict = WorkbookVerdict.Judge(download, window, settings, cancellationToken);
        if (verdict.Table is { } table)
        {
            read.AddRange(table.Rows, $"workbook {window}");
            RegtechLog.WindowRead(_logger, source, window, table.Rows.Count, "Excel download");
            return;
        }

        RegtechLog.FallingBack(_logger, source, window, verdict.Problem!);
        var list = await ReadListAsync(portal, settings, window, read, cancellationToken);
        if (list.Rows < 0)
        {
            throw new CollectionException(
                verdict.Stale ? CollectionFailure.StaleData : CollectionFailure.ProviderChanged,
                $"REGTECH gave no usable data for {window}: {verdict.Problem}, and its HTML list has no table with an IP column; the portal may have changed its pages.");
        }

        notes.Add($"HTML fallback used for {window} ({list.Rows} rows): {verdict.Problem}{list.Note}");
        RegtechLog.WindowRead(_logger, source, window, list.Rows, "HTML list");
    }

    /// <summary>Pages through the HTML list until a page is empty; Rows is -1 when the first page has no list at all.</summary>
    private static async Task<(int Rows, string Note)> ReadListAsync(
        RegtechPortal portal,
        RegtechSettings settings,
        DateWindow window,
        AdvisoryObservations read,
        CancellationToken cancellationToken)
    {
        var rows = 0;
        string? previousPage = null;
        for (var page = 0; page < settings.MaxPages; page++)
        {
            var response = await portal.ListPageAsync(window, page, cancellationToken);
            if (!response.IsSuccess)
            {
                throw (int)response.Status >= 500
                    ? new CollectionException(CollectionFailure.ServerError, $"REGTECH's list page {page} for {window} failed with HTTP {(int)response.Status}; try again later.")
                    : new CollectionException(CollectionFailure.ProviderChanged, $"REGTECH's list page {page} for {window} answered HTTP {(int)response.Status}; the portal may have changed its pages.");
            }

            var table = AdvisoryHtmlList.Read(response.Text, AdvisoryColumns.Regtech);
            if (!table.HeaderFound)
            {
                return page == 0 ? (-1, string.Empty) : (rows, string.Empty);
            }

            if (table.Rows.Count == 0)
            {
                return (rows, string.Empty);
            }

            // A portal that ignores the page number would send the same rows forever.
            var fingerprint = string.Join('\n', table.Rows.Select(r => r.Address));
            if (fingerprint == previousPage)
            {
                return (rows, $"; page {page} repeated page {page - 1}, so paging stopped there");
            }

            previousPage = fingerprint;
            read.AddRange(table.Rows, $"list {window} page {page}");
            rows += table.Rows.Count;
        }

        return (rows, $"; stopped after {settings.MaxPages} pages (MaxPages)");
    }
}
