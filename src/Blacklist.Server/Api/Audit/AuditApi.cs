using Blacklist.Data.Contracts;
using Blacklist.Server.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blacklist.Server.Api.Audit;

/// <summary>Who changed what, newest first.</summary>
internal static class AuditApi
{
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit").WithTags("Audit");
        audit.MapGet("", List)
            .WithName("ListAuditEvents")
            .WithSummary("Recent audit events")
            .WithDescription($"Newest first; `?limit=` 1 to {MaxLimit}, default 100.");
        return audit;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditRecord>>, ProblemHttpResult>> List(int? limit, IAuditLog log, CancellationToken cancellationToken)
    {
        var count = limit ?? 100;
        if (count is < 1 or > MaxLimit)
        {
            return ApiProblems.BadRequest("Bad limit", $"?limit={count} is out of range; give 1 to {MaxLimit}.");
        }

        return TypedResults.Ok(await log.ListAsync(count, cancellationToken));
    }
}
