using Blacklist.Core.Indicators;
using Blacklist.Core.Sources;
using Blacklist.Data.Contracts;
using Blacklist.Data.Model;
using Blacklist.Data.Sqlite;
using Blacklist.Data.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Blacklist.Data.Hosting;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store: the EF Core model on the configured provider (Database:Provider,
    /// ConnectionStrings:Blacklist; SQLite defaults to {dataDirectory}/blacklist.db), the store
    /// interfaces as singletons, a do-nothing <see cref="IDataChangeNotifier"/> unless the host
    /// registered one, and a hosted service that migrates the schema at start-up. Register it
    /// before hosted services that read the database, since hosted services start in order.
    /// </summary>
    public static IServiceCollection AddBlacklistData(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = ReadOptions(configuration, dataDirectory);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDataChangeNotifier, NoChangeNotifier>();
        services.AddDbContextFactory<BlacklistDbContext>(builder => builder
            .UseSqlite(options.ConnectionString, sqlite => sqlite.MigrationsHistoryTable("schema_migrations"))
            .AddInterceptors(new SqlitePragmaInterceptor()));

        services.AddSingleton<DataWriter>();
        services.AddSingleton<IIndicatorStore, IndicatorStore>();
        services.AddSingleton<IAllowlistStore, AllowlistStore>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<ICollectionRunStore, CollectionRunStore>();
        services.AddSingleton<ISettingsStore, SettingsStore>();
        services.AddSingleton<ISourceRegistry, SourceRegistry>();
        services.AddSingleton<ISourceStateStore, SourceStateStore>();
        services.AddSingleton<IDatabaseMigrator, DatabaseMigrator>();
        services.AddHostedService<DatabaseMigrationService>();
        return services;
    }

    private static DataOptions ReadOptions(IConfiguration configuration, string dataDirectory)
    {
        var provider = (configuration["Database:Provider"] ?? DatabaseProviders.Sqlite).Trim().ToLowerInvariant();
        if (provider is "postgres" or "postgresql" or "npgsql")
        {
            throw new InvalidOperationException(
                "Database:Provider is 'postgres', but PostgreSQL support arrives with issue 5; set Database:Provider to 'sqlite' (the default) for now.");
        }

        if (provider != DatabaseProviders.Sqlite)
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use 'sqlite' (the default) or 'postgres'.");
        }

        var fullDirectory = Path.GetFullPath(dataDirectory);
        var configured = configuration.GetConnectionString("Blacklist");
        var connection = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "" : configured);
        if (string.IsNullOrWhiteSpace(connection.DataSource))
        {
            connection.DataSource = Path.Combine(fullDirectory, "blacklist.db");
        }

        var manualTtl = LifetimePolicy.DefaultManualTtl;
        var manualTtlText = configuration["Blacklist:Sources:manual:Ttl"];
        if (manualTtlText is not null)
        {
            if (!LifetimePolicy.TryParseTtl(manualTtlText, out manualTtl, out var error))
            {
                throw new InvalidOperationException($"Blacklist:Sources:manual:Ttl {error}");
            }
        }

        return new DataOptions
        {
            Provider = provider,
            ConnectionString = connection.ToString(),
            DataDirectory = fullDirectory,
            ManualTtl = manualTtl,
        };
    }
}
