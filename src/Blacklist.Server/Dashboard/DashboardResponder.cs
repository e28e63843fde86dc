using Microsoft.Net.Http.Headers;

namespace Blacklist.Server.Dashboard;

/// <summary>
/// Writes a <see cref="DashboardAsset"/>: picks the smallest encoding the client accepts, answers
/// 304 when the client's validator still matches, and sets caching and security headers.
/// </summary>
internal static class DashboardResponder
{
    /// <summary>
    /// The dashboard's own policy: nothing inline, nothing from elsewhere. The host's security
    /// headers may set the same policy first; then theirs stands.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Revalidate every time: the page names the current asset version.</summary>
    private const string Revalidate = "no-cache";

    public static Task SendPageAsync(HttpContext context, DashboardAsset page)
    {
        var headers = context.Response.Headers;
        headers.TryAdd(HeaderNames.ContentSecurityPolicy, ContentSecurityPolicy);
        headers.TryAdd("Referrer-Policy", "no-referrer");
        headers.TryAdd(HeaderNames.XFrameOptions, "DENY");
        return SendAsync(context, page, Revalidate);
    }

    /// <summary>Assets requested under the current version never change; others (a page from an older deployment) revalidate.</summary>
    public static Task SendAssetAsync(HttpContext context, DashboardAsset asset, bool currentVersion) =>
        SendAsync(context, asset, currentVersion ? Immutable : Revalidate);

    private static Task SendAsync(HttpContext context, DashboardAsset asset, string cacheControl)
    {
        var request = context.Request;
        var response = context.Response;
        var (body, coding) = ChooseEncoding(request, asset);
        var etag = new EntityTagHeaderValue(coding is null ? $"\"{asset.Hash}\"" : $"\"{asset.Hash}.{coding}\"");

        var headers = response.Headers;
        headers.CacheControl = cacheControl;
        headers.ETag = etag.ToString();
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.XContentTypeOptions = "nosniff";

        if (Matches(request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = body.Length;
        if (coding is not null)
        {
            headers.ContentEncoding = coding;
        }

        return HttpMethods.IsHead(request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static (byte[] Body, string? Coding) ChooseEncoding(HttpRequest request, DashboardAsset asset)
    {
        var brotli = false;
        var gzip = false;
        foreach (var value in request.GetTypedHeaders().AcceptEncoding)
        {
            var accepted = value.Quality is not 0;
            if (value.Value.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                brotli = accepted;
            }
            else if (value.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = accepted;
            }
        }

        if (brotli && asset.Brotli.Length < asset.Identity.Length)
        {
            return (asset.Brotli, "br");
        }

        return gzip && asset.Gzip.Length < asset.Identity.Length ? (asset.Gzip, "gzip") : (asset.Identity, null);
    }

    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag)
    {
        foreach (var candidate in request.GetTypedHeaders().IfNoneMatch)
        {
            // Weak comparison (RFC 9110 §13.1.2): a proxy may have weakened the tag while recompressing.
            if (candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false))
            {
                return true;
            }
        }

        return false;
    }
}
