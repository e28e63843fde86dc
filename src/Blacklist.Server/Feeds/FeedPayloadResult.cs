using Blacklist.Server.Api.Lists;

namespace Blacklist.Server.Feeds;

/// <summary>Serves a feed profile's pre-rendered payload (as the lists are) and records the pull.</summary>
internal sealed class FeedPayloadResult(PublishedFeed feed, FeedPullStats stats) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var cached = feed.IsRendered;
        Observability.BlacklistMetrics.CountListRequest(cached);
        var payload = cached ? feed.Payload : await Task.Run(() => feed.Payload, httpContext.RequestAborted);
        httpContext.Response.Headers["X-Entries-Total"] = feed.TotalHeader;
        httpContext.Response.Headers["X-Entries-Served"] = feed.ServedHeader;
        await ListPayloadResult.ServeAsync(httpContext, payload);
        var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        stats.Record(feed.Profile.Name, client, httpContext.Response.Headers.ETag.ToString());
    }
}
