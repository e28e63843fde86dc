using Blacklist.Data.Security;
using Blacklist.Server.Api.Input;
using Blacklist.Server.Api.Problems;
using Blacklist.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blacklist.Server.Api.Keys;

/// <summary>API keys (admin only). A key's text is answered once, at creation; only its hash is kept.</summary>
internal static class KeysApi
{
    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder endpoints)
    {
        var keys = endpoints.MapGroup("/api/keys").WithTags("API keys")
            .RequireAuthorization(AccessPolicies.Admin)
            .RequireRateLimiting(RateLimitPolicies.Writes);
        keys.MapGet("", ListAsync).WithName("ListApiKeys").WithSummary("All keys with their role, expiry, allowed networks and last use (never the secret)");
        keys.MapPost("", CreateAsync).WithName("CreateApiKey")
            .WithSummary("Create a key; the answer carries the key text once")
            .WithDescription("Body {\"name\", \"role\": reader|operator|admin, \"expiresAt\"? or \"expiresInDays\"?, \"allowedCidrs\"?: [...]}.");
        keys.MapDelete("/{id:long}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revoke a key (it fails from the next request on)");
        return keys;
    }

    private static async Task<Ok<KeyView[]>> ListAsync(IApiKeyStore store, CancellationToken cancellationToken)
        => TypedResults.Ok((await store.ListAsync(cancellationToken)).Select(KeyView.From).ToArray());

    private static async Task<Results<Created<CreatedKeyView>, ValidationProblem>> CreateAsync(KeyBody? body, HttpContext context, IApiKeyStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body?.ExpiresInDays is < 1 or > 3650)
        {
            errors["expiresInDays"] = ["Between 1 and 3650 days."];
        }

        var request = KeyRequestReader.Read(
            body?.Name,
            body?.Role,
            body?.ExpiresAt,
            body?.ExpiresInDays is { } days and >= 1 and <= 3650 ? TimeSpan.FromDays(days) : null,
            body?.AllowedCidrs,
            time.GetUtcNow(),
            errors);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors, "No key was created; fix the fields listed in errors.", title: "Invalid API key request");
        }

        var created = await store.CreateAsync(request, ActorName.Of(context), cancellationToken);
        return TypedResults.Created($"/api/keys/{created.Record.Id}", new CreatedKeyView(created.Key, KeyView.From(created.Record)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(long id, HttpContext context, IApiKeyStore store, CancellationToken cancellationToken)
        => await store.RevokeAsync(id, ActorName.Of(context), cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("No such key", $"There is no unrevoked key {id}; GET /api/keys lists them.");
}
