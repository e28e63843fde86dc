using Microsoft.Extensions.Options;

namespace Blacklist.Server.Feeds;

/// <summary>Registers the feed profiles, their publisher (following the snapshot) and the pull statistics.</summary>
internal static class FeedsServiceCollectionExtensions
{
    public static IServiceCollection AddFeedProfiles(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IConfigureOptions<FeedsOptions>>(new FeedsOptionsSetup(configuration));
        services.AddSingleton<IValidateOptions<FeedsOptions>, FeedsOptionsValidator>();
        services.AddOptions<FeedsOptions>().ValidateOnStart();
        services.AddSingleton<FeedPublisher>();
        services.AddSingleton<FeedPullStats>();
        services.AddHostedService<FeedRefreshService>();
        return services;
    }
}
