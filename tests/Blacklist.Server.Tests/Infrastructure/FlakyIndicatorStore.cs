using System.Data.Common;
using Blacklist.Core.Indicators;
using Blacklist.Data.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Blacklist.Server.Tests.Infrastructure;

/// <summary>The real store, with a switch that makes every call fail as a database outage would.</summary>
public sealed class FlakyIndicatorStore(IIndicatorStore inner) : IIndicatorStore
{
    /// <summary>While true, every call throws a <see cref="DbException"/>.</summary>
    public bool Down { get; set; }

    /// <summary>Replaces the registered store with a flaky wrapper around it; resolve the wrapper as <see cref="FlakyIndicatorStore"/>.</summary>
    public static void Install(IServiceCollection services, bool startDown = false)
    {
        var original = services.Last(d => d.ServiceType == typeof(IIndicatorStore));
        services.Remove(original);
        services.AddSingleton(provider => new FlakyIndicatorStore(Create(provider, original)) { Down = startDown });
        services.AddSingleton<IIndicatorStore>(provider => provider.GetRequiredService<FlakyIndicatorStore>());
    }

    public Task<long> GetChangeCounterAsync(CancellationToken cancellationToken) => Guard(() => inner.GetChangeCounterAsync(cancellationToken));

    public Task<bool> TryAdvanceChangeCounterAsync(long seen, CancellationToken cancellationToken) => Guard(() => inner.TryAdvanceChangeCounterAsync(seen, cancellationToken));

    public Task<ActiveData> LoadActiveAsync(DateTimeOffset now, CancellationToken cancellationToken) => Guard(() => inner.LoadActiveAsync(now, cancellationToken));

    public Task<IndicatorRecord> AddManualAsync(ManualEntryRequest request, string actor, CancellationToken cancellationToken)
        => Guard(() => inner.AddManualAsync(request, actor, cancellationToken));

    public Task<bool> RemoveManualAsync(long id, string actor, CancellationToken cancellationToken) => Guard(() => inner.RemoveManualAsync(id, actor, cancellationToken));

    public Task<IReadOnlyList<IndicatorRecord>> ListManualAsync(CancellationToken cancellationToken) => Guard(() => inner.ListManualAsync(cancellationToken));

    public Task<IReadOnlyList<DailyChange>> GetDailyChangesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
        => Guard(() => inner.GetDailyChangesAsync(from, to, cancellationToken));

    private static IIndicatorStore Create(IServiceProvider provider, ServiceDescriptor descriptor)
        => descriptor.ImplementationInstance as IIndicatorStore
            ?? descriptor.ImplementationFactory?.Invoke(provider) as IIndicatorStore
            ?? (IIndicatorStore)ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);

    private Task<T> Guard<T>(Func<Task<T>> call) => Down ? Task.FromException<T>(new SimulatedDatabaseOutage()) : call();
}

/// <summary>What a provider throws when the database is unreachable.</summary>
public sealed class SimulatedDatabaseOutage : DbException
{
    public SimulatedDatabaseOutage()
        : base("simulated outage: connection refused")
    {
    }
}
