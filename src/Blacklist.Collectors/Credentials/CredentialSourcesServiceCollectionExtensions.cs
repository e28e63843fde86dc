using System.Net;
using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Polite;
using Blacklist.Collectors.Regtech;
using Blacklist.Collectors.Secudium;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Blacklist.Collectors.Credentials;

/// <summary>Registration of the sources that log in (REGTECH, SECUDIUM) and of their encrypted credentials.</summary>
public static class CredentialSourcesServiceCollectionExtensions
{
    /// <summary>The User-Agent every portal request carries.</summary>
    public const string UserAgent = "blacklist/1.0";

    /// <summary>
    /// Data Protection with its key ring in <paramref name="keysDirectory"/> (the data directory's
    /// <c>keys</c>, or a volume every replica shares): without the keys, stored credentials cannot
    /// be read back, so they must live as long as the data.
    /// </summary>
    public static IServiceCollection AddSourceCredentials(this IServiceCollection services, DirectoryInfo keysDirectory)
    {
        services.AddDataProtection()
            .SetApplicationName("blacklist")
            .PersistKeysToFileSystem(keysDirectory);
        return services;
    }

    /// <summary>
    /// The "regtech" and "secudium" collectors, their HttpClients (no shared cookies, no automatic
    /// redirects, User-Agent <see cref="UserAgent"/>), the credential store and the politeness
    /// policy. Needs an <see cref="Core.Sources.ISourceStateStore"/> and, for keys that survive
    /// a restart, <see cref="AddSourceCredentials"/>.
    /// </summary>
    public static IServiceCollection AddRegtechAndSecudium(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddDataProtection();
        services.TryAddSingleton<SourceCredentialStore>();
        services.TryAddSingleton<AuthFailureLockout>();
        services.TryAddSingleton<SourceRequestGate>();
        services.TryAddSingleton<PortalServices>();
        AddPortalClient(services, RegtechCollector.HttpClientName);
        AddPortalClient(services, SecudiumCollector.HttpClientName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceCollector, RegtechCollector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceCollector, SecudiumCollector>());
        return services;
    }

    private static void AddPortalClient(IServiceCollection services, string name)
        => services.AddHttpClient(name, client =>
            {
                // Each attempt has its own timeout (the source's Timeout setting), so the client has none.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Cookies live in each run's own jar; redirects are what the portals say ("log in again").
                UseCookies = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })

            // The factory's request logs would show URLs, and SECUDIUM's carry the token: our own logs say enough.
            .RemoveAllLoggers();
}
