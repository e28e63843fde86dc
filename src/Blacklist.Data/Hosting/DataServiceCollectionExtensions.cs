using Blacklist.Core.Indicators;
using Blacklist.Core.Sources;
using Blacklist.Data.Contracts;
using Blacklist.Data.Model;
using Blacklist.Data.Postgres;
using Blacklist.Data.Sqlite;
using Blacklist.Data.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

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
        services.AddDbContextFactory<BlacklistDbContext, BlacklistContextFactory>(builder =>
        {
            if (options.Provider == DatabaseProviders.Postgres)
            {
                builder.UsePostgres(options.ConnectionString, BlacklistDbContext.HistoryTable);
            }
            else
            {
                builder.UseSqlite(options.ConnectionString, sqlite => sqlite.MigrationsHistoryTable(BlacklistDbContext.HistoryTable))
                    .AddInterceptors(new SqlitePragmaInterceptor());
            }
        });

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
        if (provider is "postgresql" or "npgsql")
        {
            provider = DatabaseProviders.Postgres;
        }

        var fullDirectory = Path.GetFullPath(dataDirectory);
        var configured = configuration.GetConnectionString("Blacklist");
        var connectionString = provider switch
        {
            DatabaseProviders.Sqlite => SqliteConnectionString(configured, fullDirectory),
            DatabaseProviders.Postgres => PostgresConnectionString(configured),
            _ => throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use 'sqlite' (the default) or 'postgres'."),
        };

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
            ConnectionString = connectionString,
            DataDirectory = fullDirectory,
            ManualTtl = manualTtl,
        };
    }

    private static string SqliteConnectionString(string? configured, string dataDirectory)
    {
        var connection = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "" : configured);
        if (string.IsNullOrWhiteSpace(connection.DataSource))
        {
            connection.DataSource = Path.Combine(dataDirectory, "blacklist.db");
        }

        return connection.ToString();
    }

    private static string PostgresConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                "Database:Provider is 'postgres' but ConnectionStrings:Blacklist is empty; set it (environment ConnectionStrings__Blacklist), "
                + "e.g. 'Host=postgres;Port=5432;Database=blacklist;Username=blacklist;Password=…'.");
        }

        NpgsqlConnectionStringBuilder connection;
        try
        {
            connection = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"ConnectionStrings:Blacklist is not a valid PostgreSQL connection string: {e.Message}", e);
        }

        if (string.IsNullOrWhiteSpace(connection.Host))
        {
            throw new InvalidOperationException("ConnectionStrings:Blacklist names no Host; add Host=<server> to the PostgreSQL connection string.");
        }

        return connection.ConnectionString;
    }
}
