using System.Reflection;
using Blacklist.Core.Rendering;
using Blacklist.Server.Observability;
using Blacklist.Server.Snapshots;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Blacklist.Server.Api.Lists;

/// <summary>
/// Answers a list request from the pre-rendered payload: 304 when If-None-Match names it, else the
/// bytes in the encoding the client accepts, written straight from memory with Content-Length.
/// </summary>
internal sealed class ListPayloadResult(PublishedSnapshot published, ListFormat format, Prometheus.Counter.Child pulls) : IResult, IEndpointMetadataProvider
{
    // Writes go out in slices so a slow client holds at most one slice of Kestrel's buffers. Each slice is
    // copied once into one pipe buffer of its size; WriteAsync would cut it into 4 KB pool blocks, and
    // renting, sending and returning 3,500 of them was a tenth of the CPU of serving a 14 MB list.
    // 64 KB stays under the large-object threshold: buffers the array pool runs short of at many
    // connections are cheap young objects (256 KB slices took the peak RSS to 1.5 GB at 64 connections).
    private const int SliceBytes = 1 << 16;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var cached = published.IsRendered(format);
        BlacklistMetrics.CountListRequest(cached);
        pulls.Inc();
        var payload = await published.PayloadAsync(format).WaitAsync(httpContext.RequestAborted);
        await ServeAsync(httpContext, payload);
    }

    /// <summary>Answers with a rendered payload: ETag, 304 on If-None-Match, the accepted encoding (also used by the feed profiles).</summary>
    public static async Task ServeAsync(HttpContext httpContext, RenderedPayload payload)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(payload);
        var request = httpContext.Request;
        var response = httpContext.Response;
        var coding = ContentCodingNegotiation.Choose(request.Headers.AcceptEncoding);
        var headers = response.Headers;
        headers.ETag = coding switch
        {
            ContentCoding.Brotli => payload.BrotliETag,
            ContentCoding.Gzip => payload.GzipETag,
            _ => payload.IdentityETag,
        };
        headers.CacheControl = "no-cache";
        headers.Vary = HeaderNames.AcceptEncoding;
        headers["X-Snapshot-Version"] = payload.VersionHeader;
        headers["X-Entries"] = payload.EntriesHeader;

        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0 && EntityTagMatch.Any(ifNoneMatch, payload.IdentityETag, payload.GzipETag, payload.BrotliETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var body = coding switch
        {
            ContentCoding.Brotli => payload.Brotli,
            ContentCoding.Gzip => payload.Gzip,
            _ => payload.Identity,
        };
        response.StatusCode = StatusCodes.Status200OK;
        headers.ContentType = payload.ContentType;
        if (coding != ContentCoding.Identity)
        {
            headers.ContentEncoding = coding == ContentCoding.Brotli ? "br" : "gzip";
        }

        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        var writer = response.BodyWriter;
        var cancellation = httpContext.RequestAborted;
        for (var offset = 0; offset < body.Length; offset += SliceBytes)
        {
            var length = Math.Min(SliceBytes, body.Length - offset);
            body.AsSpan(offset, length).CopyTo(writer.GetSpan(length));
            writer.Advance(length);
            var flushed = await writer.FlushAsync(cancellation);
            if (flushed.IsCanceled || flushed.IsCompleted)
            {
                return; // the client went away
            }
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status200OK,
            typeof(string),
            [ListContentTypes.Text, ListContentTypes.Json, ListContentTypes.Csv]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified));
    }
}
