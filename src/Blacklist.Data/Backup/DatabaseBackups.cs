using Blacklist.Data.Hosting;
using Blacklist.Data.Model;
using Blacklist.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blacklist.Data.Backup;

/// <summary>Backup and restore for the database the services were configured with (SQLite file or PostgreSQL).</summary>
public static class DatabaseBackups
{
    /// <summary>Where backups go unless told otherwise: <c>{data directory}/backups</c> (./data/backups by default).</summary>
    public static string DefaultDirectory(DataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.Combine(options.DataDirectory, "backups");
    }

    /// <summary>The provider's backup for a host built with <see cref="DataServiceCollectionExtensions.AddBlacklistData"/>.</summary>
    public static IDatabaseBackup For(IServiceProvider services)
    {
        var options = services.GetRequiredService<DataOptions>();
        var time = services.GetRequiredService<TimeProvider>();
        ExpectedSchema[] schemas = [MainSchema(services), SecuritySchema(services, options)];
        return options.Provider == DatabaseProviders.Postgres
            ? new PostgresDatabaseBackup(options.ConnectionString, schemas, time)
            : new SqliteDatabaseBackup(options.ConnectionString, schemas, time);
    }

    private static ExpectedSchema MainSchema(IServiceProvider services)
    {
        using var db = services.GetRequiredService<IDbContextFactory<BlacklistDbContext>>().CreateDbContext();
        return ExpectedSchema.Of("blacklist", db);
    }

    /// <summary>
    /// The credential tables live in the same database. Verbs that do not register their store get
    /// it here, registered exactly as the server does, on the same options.
    /// </summary>
    private static ExpectedSchema SecuritySchema(IServiceProvider services, DataOptions options)
    {
        if (services.GetService<IDbContextFactory<SecurityDbContext>>() is { } registered)
        {
            using var db = registered.CreateDbContext();
            return ExpectedSchema.Of("security", db, optional: true);
        }

        using var security = new ServiceCollection()
            .AddSingleton(options)
            .AddLogging()
            .AddBlacklistSecurityData()
            .BuildServiceProvider();
        using var context = security.GetRequiredService<IDbContextFactory<SecurityDbContext>>().CreateDbContext();
        return ExpectedSchema.Of("security", context, optional: true);
    }
}
