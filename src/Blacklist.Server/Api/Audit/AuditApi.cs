using Blacklist.Data.Contracts;
using Blacklist.Data.Security;
using Blacklist.Server.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blacklist.Server.Api.Audit;

/// <summary>
/// Who changed what, newest first: <c>/api/audit</c> for what is served (manual entries,
/// allowlist, triggers, switches, settings, source secrets), <c>/api/audit/security</c> for who
/// may do it (keys, users, sign-ins). The two live in separate databases, as their data does.
/// </summary>
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
        audit.MapGet("/security", ListSecurity)
            .WithName("ListSecurityAuditEvents")
            .WithSummary("Recent access-control events: keys created and revoked, users, sign-ins and sign-outs")
            .WithDescription($"Newest first; `?limit=` 1 to {MaxLimit}, default 100. Never contains a secret.");
        return audit;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditRecord>>, ProblemHttpResult>> List(int? limit, IAuditLog log, CancellationToken cancellationToken)
        => CheckLimit(limit, out var count) is { } problem ? problem : TypedResults.Ok(await log.ListAsync(count, cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<SecurityAuditRecord>>, ProblemHttpResult>> ListSecurity(int? limit, ISecurityAuditLog log, CancellationToken cancellationToken)
        => CheckLimit(limit, out var count) is { } problem ? problem : TypedResults.Ok(await log.ListAsync(count, cancellationToken));

    private static ProblemHttpResult? CheckLimit(int? limit, out int count)
    {
        count = limit ?? 100;
        return count is < 1 or > MaxLimit
            ? ApiProblems.BadRequest("Bad limit", $"?limit={count} is out of range; give 1 to {MaxLimit}.")
            : null;
    }
}
