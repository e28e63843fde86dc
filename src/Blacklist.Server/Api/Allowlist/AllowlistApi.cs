using Blacklist.Data.Contracts;
using Blacklist.Server.Api.Input;
using Blacklist.Server.Api.Problems;
using Blacklist.Server.Api.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blacklist.Server.Api.Allowlist;

/// <summary>Ranges never served, whatever any source says. Every write is audited by the store and rebuilds the snapshot.</summary>
internal static class AllowlistApi
{
    public static RouteGroupBuilder MapAllowlistApi(this IEndpointRouteBuilder endpoints)
    {
        var allowlist = endpoints.MapGroup("/api/allowlist").WithTags("Allowlist");
        allowlist.MapGet("", List)
            .WithName("ListAllowlist")
            .WithSummary("Active allowlist entries");

        // Writes: a later `.RequireAuthorization("operator")` goes on this group.
        var writes = allowlist.MapGroup("");
        writes.MapPost("", Add)
            .WithName("AddAllowlistEntry")
            .WithSummary("Never serve an address, network or range")
            .WithDescription("Body {\"ip\"|\"cidr\"|\"range\", \"reason\", \"expiresAt\"?}. Takes effect at the next snapshot (within Blacklist:Snapshot:Debounce) in every format.");
        writes.MapDelete("/{id:long}", Remove)
            .WithName("RemoveAllowlistEntry")
            .WithSummary("Remove an allowlist entry");
        return allowlist;
    }

    private static async Task<Ok<IReadOnlyList<AllowlistView>>> List(IAllowlistStore store, CancellationToken cancellationToken)
        => TypedResults.Ok<IReadOnlyList<AllowlistView>>((await store.ListAsync(cancellationToken)).Select(AllowlistView.From).ToList());

    private static async Task<Results<Created<AllowlistView>, ValidationProblem>> Add(
        AllowlistBody? body,
        HttpContext context,
        [AsParameters] AllowlistWriteServices services,
        CancellationToken cancellationToken)
    {
        var validation = new EntryValidation();
        var range = validation.Check(body?.Ip, body?.Cidr, body?.Range, body?.Reason, body?.ExpiresAt, services.Time.GetUtcNow());
        if (!validation.IsValid || range is null)
        {
            return TypedResults.ValidationProblem(validation.Errors, "The entry was not added; fix the fields listed in errors.", title: "Invalid allowlist entry");
        }

        var added = await services.Store.AddAsync(range.Value, body!.Reason!.Trim(), body.ExpiresAt, ActorName.Of(context), cancellationToken);
        return TypedResults.Created($"/api/allowlist/{added.Id}", AllowlistView.From(added));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(long id, HttpContext context, IAllowlistStore store, CancellationToken cancellationToken)
        => await store.RemoveAsync(id, ActorName.Of(context), cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("No such allowlist entry", $"There is no allowlist entry {id}; GET /api/allowlist lists them.");
}

/// <summary>What an allowlist write needs from DI.</summary>
internal sealed record AllowlistWriteServices(IAllowlistStore Store, TimeProvider Time);
