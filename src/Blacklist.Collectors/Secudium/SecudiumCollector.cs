using System.Text.Json;
using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Polite;
using Blacklist.Collectors.Regtech;
using Blacklist.Core.Parsing;
using Microsoft.Extensions.Logging;

namespace Blacklist.Collectors.Secudium;

/// <summary>
/// SECUDIUM (SK Shieldus' threat-intelligence portal). In <see cref="SecudiumMode.Api"/> mode it
/// pages through <c>GET /isap-api/secinfo/list/black_ip</c> for the window — <c>page</c> counts
/// from 1 with <c>count</c> rows a page, until a page is empty, shorter than <c>count</c>, or the
/// answer's <c>total</c> is reached — and fetches <c>/isap-api/secinfo/view/black_ip/{id}</c> for
/// rows without an address. In <see cref="SecudiumMode.Reports"/> mode it lists the reports of the
/// window (<c>/isap-api/secinfo/file/list</c>, same paging) and reads each .xlsx from
/// <c>/isap-api/file/SECINFO/download?fileName={stored}&amp;orgName={original}</c> by header text.
/// Incremental, like REGTECH.
/// </summary>
public sealed class SecudiumCollector : ISourceCollector
{
    public const string SourceKind = "secudium";
    public const string HttpClientName = "blacklist.secudium";
    public const string ListPath = "isap-api/secinfo/list/black_ip";
    public const string DetailPath = "isap-api/secinfo/view/black_ip/";
    public const string FileListPath = "isap-api/secinfo/file/list";
    public const string DownloadPath = "isap-api/file/SECINFO/download";

    private readonly PortalServices _services;
    private readonly ILogger<SecudiumCollector> _logger;

    public SecudiumCollector(PortalServices services, ILogger<SecudiumCollector> logger)
    {
        _services = services;
        _logger = logger;
    }

    public string Kind => SourceKind;

    public async Task<CollectedData> CollectAsync(CollectionContext context, CancellationToken cancellationToken)
    {
        var settings = PortalSourceSettings.Load<SecudiumSettings>(context);
        var window = DateWindow.ForRun(context, settings.EffectiveWindowDays, _services.Time);
        var http = _services.OpenSession(HttpClientName, context, settings, _logger);
        var portal = new SecudiumPortal(http, context, settings, _services, _logger);
        await portal.OpenAsync(cancellationToken);

        var read = new AdvisoryObservations(settings.Category ?? SourceKind, settings.Confidence);
        var note = settings.Mode == SecudiumMode.Reports
            ? await ReadReportsAsync(context.Source, portal, settings, window, read, cancellationToken)
            : await ReadListAsync(context.Source, portal, settings, window, read, cancellationToken);
        return new CollectedData(read.Observations, read.Issues)
        {
            Fetched = read.Rows,
            Bytes = http.BytesReceived,
            Note = note,
        };
    }

    private async Task<string?> ReadListAsync(
        string source,
        SecudiumPortal portal,
        SecudiumSettings settings,
        DateWindow window,
        AdvisoryObservations read,
        CancellationToken cancellationToken)
    {
        var rowNumber = 0;
        var details = 0;
        var pages = 0;
        string? note = null;
        await foreach (var row in PagesAsync(portal, ListPath, settings, window, n => pages = n, cancellationToken))
        {
            rowNumber++;
            var entry = SecudiumBlackIp.From(row);
            if (entry.Address is null && entry.Id is not null)
            {
                if (details >= settings.MaxDetails)
                {
                    note = $"stopped fetching row details after {settings.MaxDetails} (MaxDetails)";
                }
                else
                {
                    details++;
                    entry = entry.With(await DetailAsync(portal, entry.Id, cancellationToken));
                }
            }

            read.AddRange(entry.ToRows(rowNumber), $"list row {entry.Id ?? rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        SecudiumLog.ListRead(_logger, source, rowNumber, pages, details, window);
        return note;
    }

    private static async Task<SecudiumBlackIp> DetailAsync(SecudiumPortal portal, string id, CancellationToken cancellationToken)
    {
        using var json = await portal.GetJsonAsync(DetailPath + Uri.EscapeDataString(id), [], cancellationToken);
        var body = SecudiumJson.Body(json.RootElement);
        return SecudiumBlackIp.From(SecudiumJson.Rows(body) is [var first, ..] ? first : body);
    }

    private async Task<string?> ReadReportsAsync(
        string source,
        SecudiumPortal portal,
        SecudiumSettings settings,
        DateWindow window,
        AdvisoryObservations read,
        CancellationToken cancellationToken)
    {
        var files = new List<SecudiumReportFile>();
        await foreach (var row in PagesAsync(portal, FileListPath, settings, window, _ => { }, cancellationToken))
        {
            files.Add(SecudiumReportFile.From(row));
        }

        var skipped = new List<string>();
        foreach (var file in files)
        {
            var problem = await ReadReportAsync(portal, file, read, cancellationToken);
            if (problem is not null)
            {
                SecudiumLog.ReportSkipped(_logger, source, file.Describe(), problem);
                skipped.Add($"{file.Describe()}: {problem}");
                read.Issues.Add(new ParseIssue(0, ParseIssueKind.Rejected, $"report {file.Describe()} skipped: {problem}", null));
            }
        }

        if (files.Count > 0 && skipped.Count == files.Count)
        {
            throw new CollectionException(
                CollectionFailure.ProviderChanged,
                $"None of SECUDIUM's {files.Count} reports for {window} could be read ({skipped[0]}); the portal may have changed its downloads.");
        }

        return $"{files.Count} reports for {window}" + (skipped.Count > 0 ? $", {skipped.Count} skipped" : string.Empty);
    }

    /// <summary>Reads one report into <paramref name="read"/>; returns why it was skipped, or null.</summary>
    private static async Task<string?> ReadReportAsync(SecudiumPortal portal, SecudiumReportFile file, AdvisoryObservations read, CancellationToken cancellationToken)
    {
        if (file.StoredName is null)
        {
            return "the file list gives no stored file name to download";
        }

        var download = await portal.GetFileAsync(
            DownloadPath,
            [new("fileName", file.StoredName), new("orgName", file.OriginalName ?? file.StoredName)],
            cancellationToken);
        if (!download.IsSuccess)
        {
            return $"the download answered HTTP {(int)download.Status}";
        }

        if (!download.IsZip)
        {
            var text = download.Text.Trim();
            return $"the download is not an .xlsx file ({(text.Length > 120 ? text[..120] + "…" : text)})";
        }

        try
        {
            var table = AdvisoryWorkbook.Read(download.Body, AdvisoryColumns.Secudium, cancellationToken);
            if (!table.HeaderFound)
            {
                return "no sheet has an IP column";
            }

            read.AddRange(table.Rows, $"report {file.Describe()}");
            return null;
        }
        catch (InvalidDataException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The rows of every page of a paged list: <c>page</c> from 1, <c>count</c> rows a page.</summary>
    private static async IAsyncEnumerable<JsonElement> PagesAsync(
        SecudiumPortal portal,
        string path,
        SecudiumSettings settings,
        DateWindow window,
        Action<int> pagesRead,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long seen = 0;
        string? previous = null;
        for (var page = 1; page <= settings.MaxPages; page++)
        {
            using var json = await portal.GetJsonAsync(
                path,
                [
                    new("sdate", $"{window.Start:yyyy-MM-dd}"),
                    new("edate", $"{window.End:yyyy-MM-dd}"),
                    new("dateKey", "i.reg_date"),
                    new("count", $"{settings.PageSize}"),
                    new("page", $"{page}"),
                ],
                cancellationToken);
            var rows = SecudiumJson.Rows(json.RootElement)
                ?? throw new CollectionException(
                    CollectionFailure.ProviderChanged,
                    $"SECUDIUM's {path} answer has no list of rows (rows, list or data); the portal may have changed.");
            pagesRead(page);

            // A portal that ignores the page number would send the same rows forever.
            var fingerprint = string.Join('\n', rows.Select(r => r.GetRawText()));
            if (rows.Count == 0 || fingerprint == previous)
            {
                yield break;
            }

            previous = fingerprint;
            foreach (var row in rows)
            {
                yield return row.Clone();
            }

            seen += rows.Count;
            if (rows.Count < settings.PageSize || (SecudiumJson.Total(json.RootElement) is { } total && seen >= total))
            {
                yield break;
            }
        }
    }
}
