using System.Data.Common;
using Blacklist.Core.Addresses;
using Blacklist.Server.Api.Problems;
using Blacklist.Server.Api.Views;
using Blacklist.Server.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blacklist.Server.Api.Stats;

/// <summary>Counts from the snapshot and the daily series read from the store once per snapshot (<see cref="DailyChangesCache"/>).</summary>
internal static class StatsApi
{
    public const int MaxDays = 366;

    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder endpoints)
    {
        var stats = endpoints.MapGroup("/api/stats").WithTags("Statistics");
        stats.MapGet("", GetStats)
            .WithName("GetStats")
            .WithSummary("Counts and daily series")
            .WithDescription($"Counts by source, category, country and family, unique served addresses, and per UTC day the indicators added and expired over the last `?days=` days (default 30, at most {MaxDays}).");
        return stats;
    }

    private static async Task<Results<Ok<StatsResponse>, ProblemHttpResult>> GetStats(int? days, [AsParameters] StatsServices services, CancellationToken cancellationToken)
    {
        var span = days ?? 30;
        if (span is < 1 or > MaxDays)
        {
            return ApiProblems.BadRequest("Bad number of days", $"?days={span} is out of range; give a number of days from 1 to {MaxDays}, e.g. ?days=30 or ?days=90.");
        }

        if (services.Snapshots.Current is not { } current)
        {
            return ApiProblems.NotReady();
        }

        var snapshot = current.Snapshot;
        var counts = snapshot.Counts;
        IReadOnlyList<DailyPoint>? daily = null;
        string? unavailable = null;
        try
        {
            var changes = await services.Daily.GetAsync(snapshot.Version, span, cancellationToken);
            daily = changes.Select(c => new DailyPoint(c.Day, c.Added, c.Expired)).ToList();
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or InvalidOperationException)
        {
            unavailable = "The database did not answer; the counts above come from the served snapshot, the daily series needs the database.";
        }

        return TypedResults.Ok(new StatsResponse(
            snapshot.Version,
            snapshot.BuiltAt,
            counts.Indicators,
            counts.Entries,
            counts.AllowlistEntries,
            ByFamilyName(counts.EntriesByFamily),
            ByFamilyName(counts.AddressesByFamily),
            counts.IndicatorsBySource,
            counts.IndicatorsByCategory,
            counts.IndicatorsByCountry,
            ByFamilyName(counts.IndicatorsByFamily),
            span,
            daily)
        {
            DailyUnavailable = unavailable,
        });
    }

    private static Dictionary<string, T> ByFamilyName<T>(IReadOnlyDictionary<IpFamily, T> values)
        => values.ToDictionary(pair => FamilyNames.Of(pair.Key), pair => pair.Value, StringComparer.Ordinal);
}

/// <summary>What the stats endpoint needs from DI.</summary>
internal sealed record StatsServices(SnapshotHolder Snapshots, DailyChangesCache Daily);
