using Blacklist.Core.Rendering;
using Blacklist.Server.Api.Problems;
using Blacklist.Server.Observability;
using Blacklist.Server.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blacklist.Server.Api.Lists;

/// <summary>The served lists: what firewalls download. Answered from the pre-rendered snapshot payloads only.</summary>
internal static class ListsApi
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];
    private static readonly Prometheus.Counter.Child ActivePulls = BlacklistMetrics.FeedPulls.WithLabels("active");
    private static readonly Prometheus.Counter.Child FortiGatePulls = BlacklistMetrics.FeedPulls.WithLabels("fortigate");

    public static RouteGroupBuilder MapListsApi(this IEndpointRouteBuilder endpoints)
    {
        var lists = endpoints.MapGroup("/api").WithTags("Lists");
        lists.MapMethods("/blacklist/active", GetOrHead, GetActive)
            .WithName("GetActiveList")
            .WithSummary("The active blocklist")
            .WithDescription("One entry per line by default (minimal CIDR cover, single addresses without a prefix). "
                + "`?format=` plain, cidr, range, fortigate, edl, ipset, nft, json or csv. Send If-None-Match with the last ETag to get 304 "
                + "when nothing changed; Accept-Encoding gzip or br gets the pre-compressed body.");
        lists.MapMethods("/fortigate", GetOrHead, GetFortiGate)
            .WithName("GetFortiGateFeed")
            .WithSummary("FortiGate external threat feed")
            .WithDescription("Plain addresses, CIDR blocks and ranges, one per line, no comments, within Blacklist:Lists:FortiGateMaxEntries (the strongest entries are kept).");
        return lists;
    }

    private static Results<ListPayloadResult, ProblemHttpResult> GetActive(string? format, SnapshotHolder snapshots)
    {
        var chosen = ListFormat.Plain;
        if (!string.IsNullOrWhiteSpace(format) && !ListRenderers.TryParseFormat(format, out chosen))
        {
            return ApiProblems.BadRequest(
                "Unknown list format",
                $"'{format}' is not a list format. Use one of: {string.Join(", ", ListRenderers.FormatNames)} (or leave ?format= out for plain).",
                new Dictionary<string, object?> { ["validFormats"] = ListRenderers.FormatNames });
        }

        return snapshots.Current is { } current ? new ListPayloadResult(current, chosen, ActivePulls) : ApiProblems.NotReady();
    }

    private static Results<ListPayloadResult, ProblemHttpResult> GetFortiGate(SnapshotHolder snapshots)
        => snapshots.Current is { } current ? new ListPayloadResult(current, ListFormat.FortiGate, FortiGatePulls) : ApiProblems.NotReady();
}
