using Blacklist.Data.Hosting;
using Blacklist.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Blacklist.Data.Security;

public static class SecurityDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the credential stores on the connection <see cref="DataServiceCollectionExtensions.AddBlacklistData"/>
    /// configured (call it after that), and a hosted service that migrates the security schema at start-up.
    /// </summary>
    public static IServiceCollection AddBlacklistSecurityData(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextFactory<SecurityDbContext, SecurityContextFactory>((provider, builder) =>
        {
            var options = provider.GetRequiredService<DataOptions>();
            if (options.Provider == DatabaseProviders.Postgres)
            {
                builder.UsePostgres(options.ConnectionString, SecurityDbContext.HistoryTable);
            }
            else
            {
                builder.UseSqlite(options.ConnectionString, sqlite => sqlite.MigrationsHistoryTable(SecurityDbContext.HistoryTable));
            }
        });
        services.TryAddSingleton<ISecurityAuditLog, SecurityAuditLog>();
        services.TryAddSingleton<IApiKeyStore, ApiKeyStore>();
        services.TryAddSingleton<IUserStore, UserStore>();
        services.TryAddSingleton<SecurityMigrator>();
        services.AddHostedService(provider => provider.GetRequiredService<SecurityMigrator>());
        return services;
    }

    /// <summary>Migrates the security schema now (for command-line verbs, which start no hosted services).</summary>
    public static Task MigrateSecuritySchemaAsync(this IServiceProvider services, CancellationToken cancellationToken)
        => services.GetRequiredService<SecurityMigrator>().StartAsync(cancellationToken);
}
