using System.Numerics;
using Blacklist.Core.Addresses;
using Blacklist.Data.Contracts;
using Blacklist.Server.Api.Input;
using Blacklist.Server.Api.Problems;
using Blacklist.Server.Api.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blacklist.Server.Api.Manual;

/// <summary>Blocks added by people (the source "manual"). Every write is audited by the store and rebuilds the snapshot.</summary>
internal static class ManualEntriesApi
{
    // The widest block a person may add by hand: anything wider is almost surely a typo that would cut off a continent.
    private const int WidestV4Prefix = 8;
    private const int WidestV6Prefix = 32;

    public static RouteGroupBuilder MapManualEntriesApi(this IEndpointRouteBuilder endpoints)
    {
        var manual = endpoints.MapGroup("/api/blacklist/manual").WithTags("Manual entries");
        manual.MapGet("", List)
            .WithName("ListManualEntries")
            .WithSummary("Active manual entries");

        // Writes: a later `.RequireAuthorization("operator")` goes on this group.
        var writes = manual.MapGroup("");
        writes.MapPost("", Add)
            .WithName("AddManualEntry")
            .WithSummary("Block an address, network or range by hand")
            .WithDescription($"Body {{\"ip\"|\"cidr\"|\"range\", \"reason\", \"category\"?, \"expiresAt\"?}}. Blocks wider than /{WidestV4Prefix} (IPv4) or /{WidestV6Prefix} (IPv6) are refused. Served after the next snapshot (within Blacklist:Snapshot:Debounce).");
        writes.MapDelete("/{id:long}", Remove)
            .WithName("RemoveManualEntry")
            .WithSummary("Remove a manual entry (kept in history)");
        return manual;
    }

    private static async Task<Ok<IReadOnlyList<IndicatorView>>> List(IIndicatorStore store, CancellationToken cancellationToken)
        => TypedResults.Ok<IReadOnlyList<IndicatorView>>((await store.ListManualAsync(cancellationToken)).Select(IndicatorView.From).ToList());

    private static async Task<Results<Created<IndicatorView>, ValidationProblem>> Add(
        ManualEntryBody? body,
        HttpContext context,
        [AsParameters] WriteServices services,
        CancellationToken cancellationToken)
    {
        var validation = new EntryValidation();
        var range = validation.Check(body?.Ip, body?.Cidr, body?.Range, body?.Reason, body?.ExpiresAt, services.Time.GetUtcNow());
        if (range is { } r && TooWide(r) is { } tooWide)
        {
            validation.Add(body?.Cidr is not null ? "cidr" : "range", tooWide);
        }

        if (body?.Category is { Length: > 100 })
        {
            validation.Add("category", "Keep the category under 100 characters (e.g. \"scanner\", \"bruteforce\").");
        }

        if (!validation.IsValid || range is null)
        {
            return TypedResults.ValidationProblem(validation.Errors, "The entry was not added; fix the fields listed in errors.", title: "Invalid manual entry");
        }

        var request = new ManualEntryRequest(range.Value, body!.Reason!.Trim())
        {
            Category = string.IsNullOrWhiteSpace(body.Category) ? null : body.Category.Trim(),
            ExpiresAt = body.ExpiresAt,
        };
        var added = await services.Store.AddManualAsync(request, ActorName.Of(context), cancellationToken);
        return TypedResults.Created($"/api/blacklist/manual/{added.Id}", IndicatorView.From(added));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(long id, HttpContext context, IIndicatorStore store, CancellationToken cancellationToken)
        => await store.RemoveManualAsync(id, ActorName.Of(context), cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("No such manual entry", $"There is no active manual entry {id}; GET /api/blacklist/manual lists them.");

    private static string? TooWide(IpRange range)
    {
        var widest = range.Family == IpFamily.V4 ? WidestV4Prefix : WidestV6Prefix;
        var limit = BigInteger.One << (range.Family.Bits() - widest);
        return range.AddressCount <= limit
            ? null
            : $"{range} covers {range.AddressCount} addresses, more than a /{widest}; manual entries are limited to /{WidestV4Prefix} (IPv4) and /{WidestV6Prefix} (IPv6). Block smaller ranges.";
    }
}

/// <summary>What a manual-entry write needs from DI.</summary>
internal sealed record WriteServices(IIndicatorStore Store, TimeProvider Time);
