using Blacklist.Data.Contracts;

namespace Blacklist.Server.Api.Stats;

/// <summary>
/// The daily added/expired series, read from the store once per snapshot version and UTC day over
/// the longest window the API offers (every <c>?days=</c> is a slice of it). Counting by day reads
/// every indicator row, so it must not happen per request: <see cref="DailyChangesWarmer"/> asks
/// for each new snapshot's series as soon as it is published, and requests find it ready.
/// A failed read is not kept: the next request (or snapshot) tries again.
/// </summary>
internal sealed class DailyChangesCache(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime)
{
    private Entry? _entry;

    /// <summary>The last <paramref name="days"/> days (oldest first, ending today) of the series for <paramref name="version"/> or a newer snapshot.</summary>
    public async Task<IReadOnlyList<DailyChange>> GetAsync(long version, int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, StatsApi.MaxDays);
        var series = await SeriesFor(version).WaitAsync(cancellationToken);
        return series.Skip(series.Count - days).ToList();
    }

    /// <summary>The whole series for <paramref name="version"/> (or newer), started once however many ask at the same time.</summary>
    public Task<IReadOnlyList<DailyChange>> SeriesFor(long version)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        while (true)
        {
            var entry = Volatile.Read(ref _entry);
            if (entry is not null && entry.Today == today && entry.Version >= version && !IsFailed(entry.Series))
            {
                return entry.Series.Value;
            }

            var fresh = new Entry(version, today, new Lazy<Task<IReadOnlyList<DailyChange>>>(() => Task.Run(() => LoadAsync(today))));
            if (Interlocked.CompareExchange(ref _entry, fresh, entry) == entry)
            {
                return fresh.Series.Value;
            }
        }
    }

    private static bool IsFailed(Lazy<Task<IReadOnlyList<DailyChange>>> series)
        => series.IsValueCreated && (series.Value.IsFaulted || series.Value.IsCanceled);

    private async Task<IReadOnlyList<DailyChange>> LoadAsync(DateOnly today)
    {
        // Shared by every waiting request, so no single request's cancellation stops it; stopping the service does.
        var stopping = lifetime.ApplicationStopping;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IIndicatorStore>();
        return await store.GetDailyChangesAsync(today.AddDays(1 - StatsApi.MaxDays), today, stopping);
    }

    private sealed record Entry(long Version, DateOnly Today, Lazy<Task<IReadOnlyList<DailyChange>>> Series);
}
