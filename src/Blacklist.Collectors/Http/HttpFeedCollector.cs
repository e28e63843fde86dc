using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Feeds;
using Blacklist.Collectors.Scheduling;
using Blacklist.Core.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Blacklist.Collectors.Http;

/// <summary>
/// Kind "http": a public feed fetched with a conditional GET (ETag / Last-Modified kept in the
/// source state), retried with backoff on transient failures only, cut off at the size limit
/// while streaming, then parsed by the configured format.
/// </summary>
internal sealed partial class HttpFeedCollector(
    IHttpClientFactory clients,
    ISourceStateStore state,
    IOptions<FeedHttpOptions> options,
    ILogger<HttpFeedCollector> logger) : ISourceCollector, IRunOutcomeObserver
{
    public const string ClientName = "blacklist-feeds";

    public string Kind => "http";

    public async Task<CollectedData> CollectAsync(CollectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = FeedSourceSettings.ReadValid(context.Settings);
        var url = settings.Url ?? throw new CollectionException(CollectionFailure.Other, $"{context.Settings.Path}:Url is not set; give the feed's http(s) address");

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        try
        {
            return await FetchAsync(context.Source, url, settings, deadline.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CollectionException(CollectionFailure.Timeout, Invariant($"{url.Host} did not deliver the feed within {settings.Timeout}; the previous data stays. Raise the source's Timeout if the feed is slow"), e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new CollectionException(CollectionFailure.Timeout, Invariant($"{url.Host} did not answer within {options.Value.AttemptTimeout} on any of {options.Value.Retries + 1} attempts; the previous data stays"), e);
        }
        catch (HttpRequestException e)
        {
            throw new CollectionException(CollectionFailure.Network, Invariant($"could not fetch {url}: {e.Message}. Check DNS, proxy and firewall; the previous data stays"), e);
        }
        catch (IOException e) when (e is not FeedTooLargeException)
        {
            throw new CollectionException(CollectionFailure.Network, Invariant($"the download from {url.Host} broke off: {e.Message}; the previous data stays"), e);
        }
    }

    public async Task RunNotAppliedAsync(string source, CancellationToken cancellationToken)
    {
        await state.SetAsync(source, HttpValidatorKeys.ETag, null, cancellationToken);
        await state.SetAsync(source, HttpValidatorKeys.LastModified, null, cancellationToken);
    }

    private async Task<CollectedData> FetchAsync(string source, Uri url, FeedSourceSettings settings, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        await AddValidatorsAsync(source, url, request, cancellationToken);
        var client = clients.CreateClient(ClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            LogNotModified(logger, source, url);
            return CollectedData.Unchanged;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw Failure(url, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength is { } length && length > settings.MaxBytes)
        {
            throw FeedReader.TooLarge(Invariant($"the feed at {url}"), settings.MaxBytes);
        }

        // The body goes to a temporary file first: the download is async and bounded by the
        // deadline, and the parser then reads a local file however slow it is.
        await using var buffer = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (var body = new CountingStream(await response.Content.ReadAsStreamAsync(cancellationToken), settings.MaxBytes))
        {
            try
            {
                await body.CopyToAsync(buffer, cancellationToken);
            }
            catch (FeedTooLargeException e)
            {
                throw FeedReader.TooLarge(Invariant($"the feed at {url}"), settings.MaxBytes, e);
            }
        }

        buffer.Position = 0;
        var data = FeedReader.Read(buffer, settings, Invariant($"the feed at {url}"), cancellationToken);
        await SaveValidatorsAsync(source, url, response, cancellationToken);
        LogFetched(logger, source, url, data.Bytes, data.Observations.Count);
        return data;
    }

    private async Task AddValidatorsAsync(string source, Uri url, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (await state.GetAsync(source, HttpValidatorKeys.Url, cancellationToken) != url.AbsoluteUri)
        {
            return;
        }

        if (await state.GetAsync(source, HttpValidatorKeys.ETag, cancellationToken) is { } etag
            && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (await state.GetAsync(source, HttpValidatorKeys.LastModified, cancellationToken) is { } modified
            && DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }
    }

    private async Task SaveValidatorsAsync(string source, Uri url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await state.SetAsync(source, HttpValidatorKeys.Url, url.AbsoluteUri, cancellationToken);
        await state.SetAsync(source, HttpValidatorKeys.ETag, response.Headers.ETag?.ToString(), cancellationToken);
        await state.SetAsync(source, HttpValidatorKeys.LastModified, response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture), cancellationToken);
    }

    private CollectionException Failure(Uri url, HttpStatusCode status)
    {
        var code = Invariant($"{(int)status} {status}");
        var attempts = options.Value.Retries + 1;
        return (int)status switch
        {
            404 or 410 => new(CollectionFailure.NotFound, Invariant($"{url} answered {code}: the feed has moved or gone; update the source's Url or disable it")),
            401 or 403 => new(CollectionFailure.BadCredentials, Invariant($"{url} answered {code}: the server refuses this client (blocked, or the feed needs a key)")),
            429 => new(CollectionFailure.ServerError, Invariant($"{url} answered {code} on all {attempts} attempts: the feed rate-limits us; schedule the source less often")),
            >= 500 => new(CollectionFailure.ServerError, Invariant($"{url} answered {code} on all {attempts} attempts: the feed's server has a problem; the previous data stays")),
            _ => new(CollectionFailure.Other, Invariant($"{url} answered {code}, which is not a feed; check the source's Url")),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Source {Source}: {Url} not modified since the last fetch")]
    private static partial void LogNotModified(ILogger logger, string source, Uri url);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Source {Source}: fetched {Bytes} bytes from {Url}, {Count} entries parsed")]
    private static partial void LogFetched(ILogger logger, string source, Uri url, long bytes, int count);
}
