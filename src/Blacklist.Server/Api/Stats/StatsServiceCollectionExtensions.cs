namespace Blacklist.Server.Api.Stats;

/// <summary>What /api/stats needs besides the snapshot: the per-snapshot daily series and its warmer.</summary>
internal static class StatsServiceCollectionExtensions
{
    public static IServiceCollection AddStatsApi(this IServiceCollection services)
    {
        services.AddSingleton<DailyChangesCache>();
        services.AddHostedService<DailyChangesWarmer>();
        return services;
    }
}
