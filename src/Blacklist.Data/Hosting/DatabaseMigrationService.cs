using Blacklist.Data.Contracts;
using Microsoft.Extensions.Hosting;

namespace Blacklist.Data.Hosting;

/// <summary>Applies pending migrations while the host starts, before anything reads or collects.</summary>
internal sealed class DatabaseMigrationService(IDatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
