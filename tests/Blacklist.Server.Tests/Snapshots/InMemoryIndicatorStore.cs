using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Data.Contracts;

namespace Blacklist.Server.Tests.Snapshots;

/// <summary>A store in memory that counts loads and can fail, to drive the snapshot service alone.</summary>
internal sealed class InMemoryIndicatorStore : IIndicatorStore
{
    private readonly object _gate = new();
    private readonly List<IndicatorRecord> _indicators = [];
    private readonly List<AllowlistRecord> _allowlist = [];
    private long _counter;
    private int _loads;
    private int _advances;

    public int Loads => Volatile.Read(ref _loads);

    public bool Down { get; set; }

    /// <summary>Adds an indicator without telling anyone (another replica's write).</summary>
    public void AddSilently(IpRange range, DateTimeOffset expiresAt)
    {
        lock (_gate)
        {
            _indicators.Add(new IndicatorRecord(_indicators.Count + 1, "test", range) { ExpiresAt = expiresAt, Confidence = 50 });
            _counter++;
        }
    }

    public Task<long> GetChangeCounterAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Down ? Task.FromException<long>(new Infrastructure.SimulatedDatabaseOutage()) : Task.FromResult(_counter);
        }
    }

    public int Advances => Volatile.Read(ref _advances);

    public Task<bool> TryAdvanceChangeCounterAsync(long seen, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Down)
            {
                return Task.FromException<bool>(new Infrastructure.SimulatedDatabaseOutage());
            }

            if (_counter != seen)
            {
                return Task.FromResult(false);
            }

            _counter++;
            _advances++;
            return Task.FromResult(true);
        }
    }

    public Task<ActiveData> LoadActiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        lock (_gate)
        {
            return Down
                ? Task.FromException<ActiveData>(new Infrastructure.SimulatedDatabaseOutage())
                : Task.FromResult(new ActiveData(_counter, _indicators.Where(i => i.IsActiveAt(now)).ToList(), _allowlist.ToList()));
        }
    }

    public Task<IndicatorRecord> AddManualAsync(ManualEntryRequest request, string actor, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> RemoveManualAsync(long id, string actor, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<IndicatorRecord>> ListManualAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<DailyChange>> GetDailyChangesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) => throw new NotSupportedException();
}
