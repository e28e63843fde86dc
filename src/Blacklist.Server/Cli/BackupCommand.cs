using System.CommandLine;
using Blacklist.Data.Backup;
using Blacklist.Data.Hosting;

namespace Blacklist.Server.Cli;

/// <summary>`blacklist backup`: a consistent, dated, checksummed copy of the database, taken while the service runs.</summary>
internal static class BackupCommand
{
    /// <summary>Two weeks of daily backups.</summary>
    public const int DefaultKeep = 14;

    public static Command Create()
    {
        var directory = new Option<DirectoryInfo?>("--directory", "-d")
        {
            Description = "Where to write the backup (default: {data directory}/backups, i.e. ./data/backups out of the box).",
        };
        var keep = new Option<int>("--keep")
        {
            Description = $"How many backups to keep in that directory; older ones are deleted after a successful backup (default {DefaultKeep}).",
            DefaultValueFactory = _ => DefaultKeep,
        };
        keep.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--keep must be at least 1.");
            }
        });
        var command = new Command(
            "backup",
            "Back up the database while the service serves and writes (SQLite online backup API; PostgreSQL pg_dump custom format) "
            + "to a dated file with a .sha256 beside it, keeping the newest --keep.")
        {
            directory,
            keep,
        };
        command.SetAction((parse, cancellationToken) => BackupVerbHost.RunAsync("backup", async host =>
        {
            var backup = DatabaseBackups.For(host.Services);
            var target = parse.GetValue(directory)?.FullName ?? DatabaseBackups.DefaultDirectory(host.Services.GetRequiredService<DataOptions>());
            var file = await backup.BackupAsync(target, parse.GetValue(keep), cancellationToken);
            Console.WriteLine($"Backed up {backup.Target} to {file.Path} ({file.Bytes:N0} bytes, sha256 {file.Sha256}).");
            foreach (var pruned in file.Pruned)
            {
                Console.WriteLine($"Deleted old backup {pruned} (keeping the newest {parse.GetValue(keep)}).");
            }
        }));
        return command;
    }
}
