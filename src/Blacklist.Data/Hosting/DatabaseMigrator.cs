using Blacklist.Data.Contracts;
using Blacklist.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Blacklist.Data.Hosting;

internal sealed partial class DatabaseMigrator(IDbContextFactory<BlacklistDbContext> contexts, DataOptions options, ILogger<DatabaseMigrator> logger) : IDatabaseMigrator
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        if (options.Provider == DatabaseProviders.Sqlite)
        {
            Directory.CreateDirectory(options.DataDirectory);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (options.Provider == DatabaseProviders.Sqlite)
        {
            // WAL lets readers (snapshot loads) run beside the collection writer; it persists in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
            LogApplied(logger, pending.Count, pending);
        }

        return pending;
    }

    public async Task<IReadOnlyList<string>> GetPendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Database schema updated: {Count} migration(s) applied ({Migrations})")]
    private static partial void LogApplied(ILogger logger, int count, IReadOnlyList<string> migrations);
}
