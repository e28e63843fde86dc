using System.CommandLine;
using Blacklist.Data.Contracts;
using Blacklist.Data.Hosting;

namespace Blacklist.Server.Cli;

/// <summary>`blacklist migrate`: bring the database schema up to date (the server also does this at start-up).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations and exit (the server applies them at start-up too).");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = VerbHost.Build();
            var options = host.Services.GetRequiredService<DataOptions>();
            var migrator = host.Services.GetRequiredService<IDatabaseMigrator>();
            try
            {
                var applied = await migrator.MigrateAsync(cancellationToken);
                var database = DatabaseOutageGuard.Describe(options);
                Console.WriteLine(applied.Count == 0
                    ? $"The database schema is up to date ({database})."
                    : $"Applied {applied.Count} migration(s) to {database}: {string.Join(", ", applied)}");
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"blacklist migrate: {e.Message}");
                return VerbHost.SetupFailed;
            }
        });
        return command;
    }
}
