using Blacklist.Core.Feeds;
using Blacklist.Core.Rendering;
using Blacklist.Data.Contracts;
using Blacklist.Data.Hosting;
using Blacklist.Server.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blacklist.Server.Feeds;

/// <summary>
/// Feed profiles (<c>/api/feeds</c>), their pull statistics, and the delta changes of the active
/// list and of each profile. Everything is answered from the published generation in memory.
/// </summary>
internal static class FeedsApi
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps the routes; the returned group (under /api) takes the authorization policy.</summary>
    public static RouteGroupBuilder MapFeedsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Feeds");
        api.MapGet("/feeds", ListFeeds).WithName("ListFeeds").WithSummary("Feed profiles with their URLs and limits");
        api.MapGet("/feeds/stats", PullStats).WithName("GetFeedPullStats")
            .WithSummary("Who pulled which feed: last pull, count and last ETag per feed and client address");
        api.MapMethods("/feeds/{name}", GetOrHead, GetFeed).WithName("GetFeed")
            .WithSummary("One feed profile's list")
            .WithDescription("Fitted to the profile's device limit (highest-scored entries kept). X-Entries-Total and X-Entries-Served say how many "
                + "entries there were and how many are served. ETag/If-None-Match → 304; gzip and br.");
        api.MapGet("/feeds/{name}/changes", GetFeedChanges).WithName("GetFeedChanges")
            .WithSummary("Ranges added to and removed from a feed since snapshot version `since`");
        api.MapGet("/blacklist/changes", GetActiveChanges).WithName("GetActiveChanges")
            .WithSummary("Ranges added to and removed from the active list since snapshot version `since`")
            .WithDescription("410 when `since` is older than the retained history: fetch the full list and use its X-Snapshot-Version. "
                + "503 with Retry-After when `since` is a version another replica serves already and this one is still loading.");
        return api;
    }

    private static Ok<FeedView[]> ListFeeds(FeedPublisher publisher)
    {
        var current = publisher.Current;
        return TypedResults.Ok(publisher.Profiles.Select(p =>
        {
            var feed = current?.Feeds.GetValueOrDefault(p.Name);
            return new FeedView(
                p.Name,
                ListRenderers.NameOf(p.Format),
                $"/api/feeds/{p.Name}",
                $"/api/feeds/{p.Name}/changes?since=",
                p.MaxEntries,
                [.. p.Sources.Order(StringComparer.Ordinal)],
                [.. p.Categories.Order(StringComparer.OrdinalIgnoreCase)],
                p.MinConfidence,
                p.Family.ToString().ToLowerInvariant(),
                feed?.Version,
                feed?.Fitted.TotalEntries,
                feed?.Fitted.ServedEntries);
        }).ToArray());
    }

    private static Ok<IReadOnlyList<FeedPull>> PullStats(FeedPullStats stats) => TypedResults.Ok(stats.List());

    private static Results<FeedPayloadResult, ProblemHttpResult> GetFeed(string name, FeedPublisher publisher, FeedPullStats stats)
    {
        if (!publisher.IsKnown(name))
        {
            return UnknownFeed(name, publisher);
        }

        return publisher.Current?.Feeds.GetValueOrDefault(name) is { } feed ? new FeedPayloadResult(feed, stats) : ApiProblems.NotReady();
    }

    private static async Task<Results<Ok<ChangesView>, ProblemHttpResult>> GetFeedChanges(string name, string? since, FeedPublisher publisher, HttpContext http, IIndicatorStore store)
        => publisher.IsKnown(name) ? await ChangesAsync(name, since, publisher, $"/api/feeds/{name}", http, store) : UnknownFeed(name, publisher);

    private static Task<Results<Ok<ChangesView>, ProblemHttpResult>> GetActiveChanges(string? since, FeedPublisher publisher, HttpContext http, IIndicatorStore store)
        => ChangesAsync(FeedPublisher.ActiveList, since, publisher, "/api/blacklist/active", http, store);

    private static async Task<Results<Ok<ChangesView>, ProblemHttpResult>> ChangesAsync(string name, string? since, FeedPublisher publisher, string fullList, HttpContext http, IIndicatorStore store)
    {
        if (!long.TryParse(since, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            return ApiProblems.BadRequest(
                "Invalid since",
                $"?since= must be a snapshot version (a non-negative whole number, e.g. the X-Snapshot-Version of {fullList}); it was '{since}'.");
        }

        var answer = publisher.ChangesSince(name, version);
        switch (answer.Outcome)
        {
            case ChangesOutcome.NotReady:
                return ApiProblems.NotReady();
            case ChangesOutcome.Ahead when await IsStoredVersionAsync(version, store, http.RequestAborted):
                // Versions are the database's change counter: another replica serves this one already,
                // and this replica loads it within moments.
                http.Response.Headers.RetryAfter = "1";
                return TypedResults.Problem(
                    $"Version {version} exists, but this replica still serves version {answer.CurrentVersion} while it loads the newer one. Retry in a second.",
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Version not loaded here yet");
            case ChangesOutcome.Ahead:
                return ApiProblems.BadRequest(
                    "Unknown version",
                    $"Version {version} is newer than the current version {answer.CurrentVersion}; it was not served here. Fetch {fullList} and use its X-Snapshot-Version.");
            case ChangesOutcome.Gone:
                return TypedResults.Problem(
                    $"Version {version} is older than the retained history (oldest {answer.OldestVersion}, current {answer.CurrentVersion}). "
                        + $"Fetch the full list at {fullList} and use its X-Snapshot-Version as the next since.",
                    statusCode: StatusCodes.Status410Gone,
                    title: "Version no longer retained",
                    extensions: new Dictionary<string, object?>
                    {
                        ["oldestVersion"] = answer.OldestVersion,
                        ["currentVersion"] = answer.CurrentVersion,
                        ["fullList"] = fullList,
                    });
            default:
                var delta = answer.Delta!;
                string[] added = [.. delta.Added.Ranges().Select(r => r.ToString())];
                string[] removed = [.. delta.Removed.Ranges().Select(r => r.ToString())];
                return TypedResults.Ok(new ChangesView(name.Length == 0 ? "active" : name, version, answer.CurrentVersion, added.Length, removed.Length, added, removed));
        }
    }

    private static async Task<bool> IsStoredVersionAsync(long version, IIndicatorStore store, CancellationToken cancellationToken)
    {
        try
        {
            return version <= await store.GetChangeCounterAsync(cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsDatabaseFailure(e))
        {
            // The database is down: nobody can tell, so the version is taken for unknown.
            return false;
        }
    }

    private static ProblemHttpResult UnknownFeed(string name, FeedPublisher publisher)
        => ApiProblems.NotFound(
            "Unknown feed",
            $"There is no feed profile '{name}'. Configured: {string.Join(", ", publisher.Profiles.Select(p => p.Name))} (GET /api/feeds lists them).");
}
