using Microsoft.Extensions.Options;

namespace Blacklist.Server.Push;

/// <summary>Registers pushing feed profiles to FortiGate devices (<c>Blacklist:Push</c>); idle without devices.</summary>
internal static class PushServiceCollectionExtensions
{
    public static IServiceCollection AddFeedPush(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IConfigureOptions<PushOptions>>(new PushOptionsSetup(configuration));
        services.AddSingleton<IValidateOptions<PushOptions>, PushOptionsValidator>();
        services.AddOptions<PushOptions>().ValidateOnStart();
        services.AddSingleton<PushStatusBoard>();
        services.AddHostedService<PushService>();
        return services;
    }
}
