using System.Globalization;
using System.Text.Json;
using Blacklist.Collectors.Abstractions;
using Blacklist.Data.Contracts;
using Blacklist.Server.Api.Problems;
using Blacklist.Server.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Blacklist.Server.Collection;

/// <summary>
/// /api/collection: status, manual triggers (asynchronous: 202 + a run to follow), run records,
/// the global switch and accepting refused runs. Errors are problem+json saying what to do.
/// </summary>
public static class CollectionApi
{
    private const int DefaultRunLimit = 20;
    private const int MaxRunLimit = 500;

    public static RouteGroupBuilder MapCollectionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/collection").WithTags("Collection");
        group.MapGet("/status", GetStatusAsync).WithSummary("Per source: enabled, schedule, next run, last run, last success, active indicators");
        group.MapPost("/{source}/trigger", TriggerAsync).WithSummary("Start a run now (202 + run id); parameters come from the query or a JSON object body");
        group.MapGet("/runs/{id:long}", GetRunAsync).WithSummary("One run: status, counts, error, rejected-line sample");
        group.MapGet("/runs", ListRunsAsync).WithSummary("Recent runs, newest first (?source=&limit=)");
        group.MapPost("/runs/{id:long}/accept", AcceptAsync).WithSummary("Apply a run the guard refused");
        group.MapPost("/enable", (HttpContext http, [AsParameters] CollectionServices services, CancellationToken ct) => SwitchAsync(true, http, services, ct))
            .WithSummary("Switch scheduled collection on");
        group.MapPost("/disable", (HttpContext http, [AsParameters] CollectionServices services, CancellationToken ct) => SwitchAsync(false, http, services, ct))
            .WithSummary("Switch scheduled collection off (manual triggers still run)");
        group.MapPost("/{source}/enable", (string source, HttpContext http, [AsParameters] CollectionServices services, CancellationToken ct) => SwitchSourceAsync(source, true, http, services, ct))
            .WithSummary("Switch one source's scheduled collection on (overrides its configured Enabled; audited)");
        group.MapPost("/{source}/disable", (string source, HttpContext http, [AsParameters] CollectionServices services, CancellationToken ct) => SwitchSourceAsync(source, false, http, services, ct))
            .WithSummary("Switch one source's scheduled collection off (what it collected stays served until it expires; audited)");
        return group;
    }

    internal static async Task<Ok<CollectionStatusView>> GetStatusAsync([AsParameters] CollectionServices services, CancellationToken cancellationToken)
    {
        var summaries = await services.Runs.GetSummariesAsync(cancellationToken);
        // Active counts from the served snapshot: the same lifetime rule, counted once per build.
        var active = services.Snapshots.Current?.Snapshot.Counts.IndicatorsBySource;
        var enabled = await services.Catalog.GetEnabledAsync(cancellationToken);
        var nextRuns = services.Scheduler.NextRuns;
        var sources = new List<SourceStatusView>();
        foreach (var source in services.Catalog.All)
        {
            var summary = summaries.GetValueOrDefault(source.Name);
            var extras = services.Contributors.FirstOrDefault(c => c.Kind == source.Kind) is { } contributor
                ? await contributor.GetAsync(source, cancellationToken)
                : null;
            var isEnabled = enabled.GetValueOrDefault(source.Name);
            sources.Add(new SourceStatusView(source.Name, source.Kind, isEnabled, source.Enabled)
            {
                Schedule = source.Schedule?.Text,
                NextRun = isEnabled && nextRuns.TryGetValue(source.Name, out var next) && next != DateTimeOffset.MaxValue ? next : null,
                FullList = source.FullList,
                TtlDays = source.Ttl.TotalDays,
                LastRun = summary?.LastRun is { } last ? RunView.From(last) : null,
                LastSuccessAt = summary?.LastSuccessAt,
                ActiveIndicators = active?.GetValueOrDefault(source.Name) ?? 0,
                CredentialsSet = extras?.CredentialsSet,
                Details = extras?.Details,
            });
        }

        var switchedOn = await services.Switch.IsEnabledAsync(cancellationToken);
        var leader = await services.Leadership.IsLeaderAsync(cancellationToken);
        return TypedResults.Ok(new CollectionStatusView(switchedOn, leader, sources) { PushDevices = services.Push.List() });
    }

    internal static async Task<Results<Accepted<TriggerView>, ProblemHttpResult>> TriggerAsync(
        string source, HttpContext http, [AsParameters] CollectionServices services, CancellationToken cancellationToken)
    {
        var (parameters, problem) = await ReadParametersAsync(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await services.Coordinator.TriggerAsync(source, RunTrigger.Manual, parameters, Actor(http), cancellationToken);
        var note = await services.Switch.IsEnabledAsync(cancellationToken)
            ? null
            : "collection is switched off: scheduled runs are paused, but this manual run goes ahead";
        return result.Outcome switch
        {
            TriggerOutcome.Queued => Queued(result.RunId, note),
            TriggerOutcome.AlreadyRunning => TypedResults.Problem(
                detail: Invariant($"run {result.RunId} of '{source}' is still queued or running; follow it at /api/collection/runs/{result.RunId} and trigger again when it has finished"),
                statusCode: StatusCodes.Status409Conflict,
                title: "A run of this source is in progress",
                extensions: new Dictionary<string, object?> { ["runId"] = result.RunId }),
            _ => TypedResults.Problem(
                detail: $"there is no collected source named '{source}'; known sources: {string.Join(", ", result.KnownSources)}",
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown source",
                extensions: new Dictionary<string, object?> { ["knownSources"] = result.KnownSources }),
        };
    }

    internal static async Task<Results<Ok<RunView>, ProblemHttpResult>> GetRunAsync(long id, [AsParameters] CollectionServices services, CancellationToken cancellationToken)
        => await services.Runs.GetAsync(id, cancellationToken) is { } run
            ? TypedResults.Ok(RunView.From(run))
            : RunNotFound(id);

    internal static async Task<Results<Ok<IReadOnlyList<RunView>>, ProblemHttpResult>> ListRunsAsync(
        string? source, int? limit, [AsParameters] CollectionServices services, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxRunLimit)
        {
            return TypedResults.Problem(
                detail: Invariant($"limit must be from 1 to {MaxRunLimit}; it was {limit}"),
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad limit");
        }

        var runs = await services.Runs.ListAsync(string.IsNullOrWhiteSpace(source) ? null : source, limit ?? DefaultRunLimit, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RunView>>(runs.Select(RunView.From).ToList());
    }

    internal static async Task<Results<Accepted<TriggerView>, ProblemHttpResult>> AcceptAsync(
        long id, HttpContext http, [AsParameters] CollectionServices services, CancellationToken cancellationToken)
    {
        var result = await services.Coordinator.AcceptAsync(id, Actor(http), cancellationToken);
        return result.Outcome switch
        {
            TriggerOutcome.Queued => Queued(result.RunId, Invariant($"applies the observations refused in run {id}")),
            TriggerOutcome.RunNotFound => RunNotFound(id),
            TriggerOutcome.AlreadyRunning => TypedResults.Problem(
                detail: Invariant($"run {result.RunId} of the same source is in progress; accept again when it has finished"),
                statusCode: StatusCodes.Status409Conflict,
                title: "A run of this source is in progress",
                extensions: new Dictionary<string, object?> { ["runId"] = result.RunId }),
            _ => TypedResults.Problem(
                detail: Invariant($"run {id} is {result.Status?.ToString().ToLowerInvariant()}, not refused; only a run the guard refused can be accepted"),
                statusCode: StatusCodes.Status409Conflict,
                title: "Run is not refused"),
        };
    }

    private static async Task<Ok<SwitchView>> SwitchAsync(bool enabled, HttpContext http, CollectionServices services, CancellationToken cancellationToken)
    {
        await services.Switch.SetAsync(enabled, Actor(http), cancellationToken);
        return TypedResults.Ok(new SwitchView(
            enabled,
            enabled ? "scheduled collection is on" : "scheduled collection is off; manual triggers still run"));
    }

    internal static async Task<Results<Ok<SourceSwitchView>, ProblemHttpResult>> SwitchSourceAsync(
        string source, bool enabled, HttpContext http, CollectionServices services, CancellationToken cancellationToken)
    {
        if (services.Catalog.Find(source) is not { IsCollected: true } definition)
        {
            return ApiProblems.NotFound("Unknown source", $"there is no collected source named '{source}'; GET /api/collection/status lists them");
        }

        await services.Registry.SetEnabledAsync(definition.Name, enabled, Actor(http), cancellationToken);
        return TypedResults.Ok(new SourceSwitchView(definition.Name, enabled, definition.Enabled));
    }

    private static Accepted<TriggerView> Queued(long runId, string? note)
        => TypedResults.Accepted(Invariant($"/api/collection/runs/{runId}"), new TriggerView(runId, "queued", note));

    private static ProblemHttpResult RunNotFound(long id)
        => TypedResults.Problem(
            detail: Invariant($"there is no collection run {id}; GET /api/collection/runs lists recent runs"),
            statusCode: StatusCodes.Status404NotFound,
            title: "Unknown run");

    /// <summary>Query parameters, overridden by a JSON object body when one is sent.</summary>
    private static async Task<(Dictionary<string, string> Parameters, ProblemHttpResult? Problem)> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (request.ContentLength is 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
        {
            return (parameters, null);
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (parameters, BadBody("the body must be a JSON object such as {\"start_date\": \"2026-08-01\"}"));
            }

            foreach (var property in body.RootElement.EnumerateObject())
            {
                parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }

            return (parameters, null);
        }
        catch (JsonException e)
        {
            return (parameters, BadBody($"the body is not JSON ({e.Message}); send a JSON object or no body"));
        }
    }

    private static ProblemHttpResult BadBody(string detail)
        => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad trigger parameters");

    /// <summary>Who asked: the signed-in user's name, or "anonymous" until authentication arrives.</summary>
    private static string Actor(HttpContext http)
        => http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the collection endpoints use, injected as one parameter.</summary>
internal sealed record CollectionServices(
    [property: FromServices] SourceCatalog Catalog,
    [property: FromServices] CollectionCoordinator Coordinator,
    [property: FromServices] CollectionSwitch Switch,
    [property: FromServices] ICollectionRunStore Runs,
    [property: FromServices] CollectionScheduler Scheduler,
    [property: FromServices] ICollectionLeadership Leadership,
    [property: FromServices] IEnumerable<ISourceStatusContributor> Contributors,
    [property: FromServices] Push.PushStatusBoard Push,
    [property: FromServices] SnapshotHolder Snapshots,
    [property: FromServices] ISourceRegistry Registry);
