using System.CommandLine;
using Blacklist.Data.Backup;
using Blacklist.Data.Hosting;

namespace Blacklist.Server.Cli;

/// <summary>`blacklist restore FILE`: verify a backup, then replace the database with it (all or nothing).</summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A file written by `blacklist backup` (.db for SQLite, .dump for PostgreSQL)." };
        var command = new Command(
            "restore",
            "Replace the database with a backup. The file is verified first (checksum, SQLite integrity check or pg_restore --list, "
            + "the expected tables and migrations); a damaged or foreign file is refused and nothing is replaced. SQLite: stop the service first.")
        {
            file,
        };
        command.SetAction((parse, cancellationToken) => BackupVerbHost.RunAsync("restore", async host =>
        {
            var options = host.Services.GetRequiredService<DataOptions>();
            var result = await DatabaseBackups.For(host.Services).RestoreAsync(parse.GetValue(file)!.FullName, cancellationToken);
            Console.WriteLine($"Restored {parse.GetValue(file)!.FullName} into {result.Target}.");
            if (result.PreviousCopy is not null)
            {
                Console.WriteLine($"The database it replaced is kept as {result.PreviousCopy}.");
            }

            Console.WriteLine(options.Provider == DatabaseProviders.Postgres
                ? "Restart the servers so that each loads the restored list: kubectl rollout restart deployment/blacklist -n blacklist (or docker compose restart blacklist)."
                : "Start the service; it brings the schema up to date and serves the restored list.");
        }));
        return command;
    }
}
