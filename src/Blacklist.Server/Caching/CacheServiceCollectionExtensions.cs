using Microsoft.Extensions.Options;

namespace Blacklist.Server.Caching;

/// <summary>Registers the shared layer between replicas (section <c>Redis</c>); without a configuration everything stays in memory.</summary>
internal static class CacheServiceCollectionExtensions
{
    /// <summary>Call before the snapshot service's hosted service, so its first load can already reuse other replicas' lists.</summary>
    public static IServiceCollection AddSharedCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        services.AddSingleton<SharedCacheConnection>();
        services.AddSingleton<SharedPayloadCache>();
        services.AddSingleton<SnapshotChangeSignal>();
        services.AddHostedService(provider => provider.GetRequiredService<SharedCacheConnection>());
        services.AddHostedService(provider => provider.GetRequiredService<SnapshotChangeSignal>());

        if (!string.IsNullOrWhiteSpace(configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Configuration)}"]))
        {
            services.AddHealthChecks().AddCheck<CacheHealthCheck>(CacheHealthCheck.Name);
        }

        return services;
    }
}
