using System.Net;
using System.Net.Http.Headers;
using Blacklist.Collectors.Abstractions;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Blacklist.Collectors.Polite;

/// <summary>
/// One run's conversation with a portal: its own cookie jar (the factory's pooled handlers keep
/// no cookies), redirects left to the caller (a redirect to the login page means the session
/// ended), one request at a time per source with a least interval, a timeout per attempt, and
/// retries with exponential backoff for transient failures only. Bodies are read whole within
/// <see cref="PortalSourceSettings.MaxDownloadBytes"/>.
/// </summary>
internal sealed partial class PoliteHttpSession
{
    private readonly HttpClient _http;
    private readonly string _source;
    private readonly PortalSourceSettings _settings;
    private readonly SourceRequestGate _gate;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<PortalResponse> _pipeline;
    private readonly Uri _baseUrl;

    public PoliteHttpSession(HttpClient http, string source, PortalSourceSettings settings, SourceRequestGate gate, TimeProvider time, ILogger logger)
    {
        _http = http;
        _source = source;
        _settings = settings;
        _gate = gate;
        _logger = logger;
        _time = time;
        var root = settings.BaseUrl!.AbsoluteUri;
        _baseUrl = new Uri(root.EndsWith('/') ? root : root + "/");
        _pipeline = BuildPipeline(settings, time);
    }

    public CookieContainer Cookies { get; private set; } = new();

    public Uri BaseUrl => _baseUrl;

    public long BytesReceived { get; private set; }

    /// <summary>Forgets every cookie (before a fresh login).</summary>
    public void ClearCookies() => Cookies = new CookieContainer();

    /// <summary>Adds the pairs of a <c>Cookie</c> header (a pasted or kept session) for the portal.</summary>
    public void AddCookieHeader(string cookieHeader)
    {
        foreach (var pair in cookieHeader.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                Cookies.Add(new Cookie(pair[..equals].Trim(), pair[(equals + 1)..].Trim(), "/", _baseUrl.Host));
            }
        }
    }

    /// <summary>The cookies the portal would get now, as a header value (to keep a session).</summary>
    public string CookieHeader => Cookies.GetCookieHeader(_baseUrl);

    /// <summary>A path relative to the base URL ("login/loginForm"), query included.</summary>
    public Uri Resolve(string relative) => new(_baseUrl, relative.TrimStart('/'));

    public Task<PortalResponse> GetAsync(string relative, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Get, Resolve(relative), null, headers, cancellationToken);

    public Task<PortalResponse> PostFormAsync(string relative, IReadOnlyList<KeyValuePair<string, string>> form, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Post, Resolve(relative), form, headers, cancellationToken);

    private async Task<PortalResponse> SendAsync(
        HttpMethod method,
        Uri uri,
        IReadOnlyList<KeyValuePair<string, string>>? form,
        IReadOnlyDictionary<string, string>? headers,
        CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                async attemptToken =>
                {
                    using var slot = await _gate.EnterAsync(_source, _settings.MinRequestInterval, attemptToken);
                    using var request = new HttpRequestMessage(method, uri);
                    if (form is not null)
                    {
                        request.Content = new FormUrlEncodedContent(form);
                    }

                    foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                    {
                        request.Headers.TryAddWithoutValidation(name, value);
                    }

                    var cookieHeader = Cookies.GetCookieHeader(uri);
                    if (cookieHeader.Length > 0)
                    {
                        request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
                    }

                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken);
                    KeepCookies(uri, response);
                    var body = await ReadBoundedAsync(response, uri, attemptToken);
                    BytesReceived += body.Length;
                    var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l : new Uri(uri, l)) : null;
                    return new PortalResponse(response.StatusCode, uri, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.CharSet, location, body)
                    {
                        RetryAfter = RetryAfterOf(response.Headers.RetryAfter),
                    };
                },
                cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new CollectionException(CollectionFailure.Timeout, $"{_source}: {PathOf(uri)} did not answer within {_settings.Timeout} (after {_settings.MaxRetries} retries).", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new CollectionException(CollectionFailure.Network, $"{_source}: cannot reach {_baseUrl.Host} ({ex.Message}); check the network and Blacklist:Sources:{_source}:BaseUrl.", ex);
        }
    }

    private void KeepCookies(Uri uri, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            try
            {
                Cookies.SetCookies(uri, value);
            }
            catch (CookieException)
            {
                // A malformed cookie is the portal's problem; the rest of the answer still counts.
                LogBadCookie(_logger, _source, uri.AbsolutePath);
            }
        }
    }

    private async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, Uri uri, CancellationToken cancellationToken)
    {
        var limit = _settings.MaxDownloadBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            throw TooLarge(uri);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(uri);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private CollectionException TooLarge(Uri uri)
        => new(CollectionFailure.TooLarge, $"{_source}: the answer of {PathOf(uri)} is larger than {_settings.MaxDownloadBytes} bytes; raise Blacklist:Sources:{_source}:MaxDownloadBytes if that is expected.");

    private static string PathOf(Uri uri) => uri.AbsolutePath;

    private TimeSpan? RetryAfterOf(RetryConditionHeaderValue? retryAfter)
        => retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - _time.GetUtcNow() : null);

    private ResiliencePipeline<PortalResponse> BuildPipeline(PortalSourceSettings settings, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<PortalResponse> { TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<PortalResponse>
            {
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = settings.RetryDelay > TimeSpan.Zero,
                MaxDelay = TimeSpan.FromMinutes(5),
                ShouldHandle = new PredicateBuilder<PortalResponse>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => response.IsTransientFailure),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } after && after > TimeSpan.Zero ? after : (TimeSpan?)null),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.Status}";
                    LogRetry(_logger, _source, args.AttemptNumber + 1, args.RetryDelay, reason);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(settings.Timeout).Build();
    }

    [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "Source {Source}: transient failure ({Reason}); retry {Attempt} in {Delay}")]
    private static partial void LogRetry(ILogger logger, string source, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Debug, Message = "Source {Source}: ignored a malformed cookie from {Path}")]
    private static partial void LogBadCookie(ILogger logger, string source, string path);
}
