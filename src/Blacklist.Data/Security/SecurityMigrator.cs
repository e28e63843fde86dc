using Blacklist.Data.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Blacklist.Data.Security;

/// <summary>Brings the security schema up to date at start-up (after the main schema's own migration).</summary>
internal sealed partial class SecurityMigrator(IDbContextFactory<SecurityDbContext> contexts, DataOptions options, ILogger<SecurityMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Provider == DatabaseProviders.Sqlite)
        {
            Directory.CreateDirectory(options.DataDirectory);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
            LogApplied(logger, pending.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Security schema updated: {Count} migration(s) applied")]
    private static partial void LogApplied(ILogger logger, int count);
}
