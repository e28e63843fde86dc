using Blacklist.Server.Api.Problems;
using Blacklist.Server.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Api.Search;

/// <summary>Is an address blocked, by which indicators, and is it allowlisted: answered from the snapshot.</summary>
internal static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        var search = endpoints.MapGroup("/api/search").WithTags("Search");
        search.MapGet("/{ip}", SearchOne)
            .WithName("SearchAddress")
            .WithSummary("Explain one address")
            .WithDescription("Whether the address is served, the active indicators covering it (source, reason, dates), allowlist entries and reserved ranges.");
        search.MapPost("", SearchMany)
            .WithName("SearchAddresses")
            .WithSummary("Explain many addresses")
            .WithDescription("Body {\"ips\": [\"203.0.113.7\", …]}, at most Blacklist:Search:MaxBatch addresses. One result per input in input order; inputs that are not an address are marked valid=false with the reason.");
        return search;
    }

    private static Results<Ok<SearchResult>, ProblemHttpResult> SearchOne(string ip, SnapshotHolder snapshots)
    {
        if (snapshots.Current is not { } current)
        {
            return ApiProblems.NotReady();
        }

        var result = AddressExplainer.Explain(current.Snapshot, ip);
        return result.Valid
            ? TypedResults.Ok(result with { SnapshotVersion = current.Snapshot.Version })
            : ApiProblems.BadRequest("Not an IP address", result.Error!, new Dictionary<string, object?> { ["input"] = ip });
    }

    private static Results<Ok<SearchBatchResponse>, ProblemHttpResult> SearchMany(SearchBatchRequest? request, [AsParameters] SearchServices services)
    {
        var max = services.Options.Value.MaxBatch;
        if (request?.Ips is not { Count: > 0 } ips)
        {
            return ApiProblems.BadRequest("No addresses given", "Send a JSON body like {\"ips\": [\"203.0.113.7\", \"2001:db8::7\"]} with at least one address.");
        }

        if (ips.Count > max)
        {
            return ApiProblems.BadRequest(
                "Too many addresses",
                $"{ips.Count} addresses were sent; one request may ask about at most {max} (Blacklist:Search:MaxBatch). Split the list into several requests.",
                new Dictionary<string, object?> { ["maxBatch"] = max });
        }

        if (services.Snapshots.Current is not { } current)
        {
            return ApiProblems.NotReady();
        }

        var results = new SearchResult[ips.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = AddressExplainer.Explain(current.Snapshot, ips[i]);
        }

        return TypedResults.Ok(new SearchBatchResponse(
            current.Snapshot.Version,
            results.Length,
            results.Count(r => r.Blocked),
            results.Count(r => !r.Valid),
            results));
    }
}

/// <summary>What the batch search needs from DI.</summary>
internal sealed record SearchServices(SnapshotHolder Snapshots, IOptions<SearchOptions> Options);
