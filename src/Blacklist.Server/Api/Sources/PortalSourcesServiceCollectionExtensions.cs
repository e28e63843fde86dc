using Blacklist.Collectors.Credentials;
using Blacklist.Collectors.Polite;
using Blacklist.Collectors.Regtech;
using Blacklist.Collectors.Secudium;
using Blacklist.Server.Collection;

namespace Blacklist.Server.Api.Sources;

public static class PortalSourcesServiceCollectionExtensions
{
    /// <summary>
    /// The REGTECH and SECUDIUM sources with everything around them: the collectors, encrypted
    /// credentials (Data Protection keys in <c>{dataDirectory}/keys</c>, or
    /// <c>Blacklist:DataProtection:KeysDirectory</c> — a volume all replicas share), start-up
    /// validation of their settings, their entries on the status page and the /api/sources audit.
    /// </summary>
    public static IServiceCollection AddPortalSources(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var keys = configuration["Blacklist:DataProtection:KeysDirectory"] is { Length: > 0 } configured ? configured : Path.Combine(dataDirectory, "keys");
        services.AddSourceCredentials(new DirectoryInfo(Path.GetFullPath(keys)));
        services.AddRegtechAndSecudium();
        services.AddSingleton<SourceSecretsAudit>();
        foreach (var kind in new[] { RegtechCollector.SourceKind, SecudiumCollector.SourceKind })
        {
            services.AddSingleton<ISourceKindValidator>(new PortalSourceKindValidator(kind));
            services.AddSingleton<ISourceStatusContributor>(provider => new PortalSourceStatusContributor(
                kind,
                provider.GetRequiredService<SourceCredentialStore>(),
                provider.GetRequiredService<AuthFailureLockout>(),
                provider.GetRequiredService<TimeProvider>()));
        }

        return services;
    }
}
