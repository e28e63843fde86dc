using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Blacklist.Server.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port) that stands in for a public feed: each path
/// answers a configurable body, status, delay, ETag and Last-Modified, with 304 on a matching
/// If-None-Match or If-Modified-Since. Every request is recorded for assertions.
/// </summary>
public sealed class LocalFeedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, FeedResponse> _responses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FeedRequest> _requests = new();
    private readonly WebApplication _app;

    private LocalFeedServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(AnswerAsync);
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyCollection<FeedRequest> Requests => _requests.ToArray();

    public static async Task<LocalFeedServer> StartAsync()
    {
        var server = new LocalFeedServer();
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The absolute URL of a path on this server.</summary>
    public Uri UrlFor(string path) => new(BaseAddress, path);

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> with a content-derived ETag.</summary>
    public FeedResponse Serve(string path, string body, string contentType = "text/plain; charset=utf-8")
        => Serve(path, FeedResponse.Text(body, contentType));

    public FeedResponse Serve(string path, FeedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        _responses[Normalize(path)] = response;
        return response;
    }

    /// <summary>The requests made to one path, oldest first.</summary>
    public IReadOnlyList<FeedRequest> RequestsTo(string path)
        => _requests.Where(r => r.Path == Normalize(path)).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Normalize(string path) => path.StartsWith('/') ? path : "/" + path;

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var known = _responses.TryGetValue(path, out var response);
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        var ifModifiedSince = request.Headers.IfModifiedSince.ToString();
        var status = !known ? StatusCodes.Status404NotFound
            : response!.StatusCode != StatusCodes.Status200OK ? response.StatusCode
            : IsNotModified(response, ifNoneMatch, ifModifiedSince) ? StatusCodes.Status304NotModified
            : StatusCodes.Status200OK;
        _requests.Enqueue(new FeedRequest(path, NullIfEmpty(ifNoneMatch), NullIfEmpty(ifModifiedSince), request.Headers.UserAgent.ToString(), status));

        if (known && response!.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up, as a timeout test wants
            }
        }

        context.Response.StatusCode = status;
        if (!known)
        {
            return;
        }

        if (response!.ETag is { } etag)
        {
            context.Response.Headers.ETag = etag;
        }

        if (response.LastModified is { } lastModified)
        {
            context.Response.Headers.LastModified = lastModified.ToString("R");
        }

        if (status == StatusCodes.Status304NotModified)
        {
            return;
        }

        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private static bool IsNotModified(FeedResponse response, string ifNoneMatch, string ifModifiedSince)
    {
        if (ifNoneMatch.Length > 0)
        {
            return response.ETag is { } etag && ifNoneMatch.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*");
        }

        return response.LastModified is { } lastModified
            && DateTimeOffset.TryParse(ifModifiedSince, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since)
            && lastModified <= since.AddSeconds(1);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>What one path of a <see cref="LocalFeedServer"/> answers.</summary>
public sealed record FeedResponse(byte[] Body)
{
    public string ContentType { get; init; } = "text/plain; charset=utf-8";

    /// <summary>Sent as ETag, and compared with If-None-Match (null: no ETag, no 304 by tag).</summary>
    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>A status other than 200 is answered as is, with the body (to test 500s, 403s…).</summary>
    public int StatusCode { get; init; } = StatusCodes.Status200OK;

    /// <summary>Wait this long before answering (to test time-outs).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A UTF-8 body with a strong ETag derived from its content.</summary>
    public static FeedResponse Text(string body, string contentType = "text/plain; charset=utf-8")
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        return new FeedResponse(bytes) { ContentType = contentType, ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"" };
    }
}

/// <summary>One request a <see cref="LocalFeedServer"/> received and the status it answered.</summary>
public sealed record FeedRequest(string Path, string? IfNoneMatch, string? IfModifiedSince, string UserAgent, int Status);
