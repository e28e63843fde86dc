using System.Text.RegularExpressions;

namespace Blacklist.Data.Backup;

/// <summary>
/// PostgreSQL: <c>pg_dump --format=custom</c> (a consistent snapshot while the service writes) and
/// <c>pg_restore --clean --if-exists --single-transaction</c>, which changes nothing unless all of it
/// succeeds. Before that, <c>pg_restore --list</c> must read the archive and list every table.
/// </summary>
internal sealed partial class PostgresDatabaseBackup(string connectionString, IReadOnlyList<ExpectedSchema> schemas, TimeProvider time) : IDatabaseBackup
{
    private readonly PostgresTool _tool = new(connectionString);

    public string Target => _tool.Describe();

    public async Task<BackupFile> BackupAsync(string directory, int keep, CancellationToken cancellationToken)
    {
        return await BackupDirectory.WriteAsync(directory, time.GetUtcNow(), "dump", keep, partial => DumpAsync(partial, cancellationToken), cancellationToken);
    }

    private async Task DumpAsync(string partial, CancellationToken cancellationToken)
    {
        var dump = await _tool.RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file=" + partial, "--dbname=" + _tool.Database], cancellationToken);
        if (dump.ExitCode != 0)
        {
            throw new BackupRefusedException($"pg_dump of {Target} failed (exit {dump.ExitCode}): {dump.Error}");
        }
    }

    public async Task<RestoreResult> RestoreAsync(string file, CancellationToken cancellationToken)
    {
        var source = BackupDirectory.RequireRestorable(file);
        await BackupDirectory.VerifyChecksumAsync(source, cancellationToken);
        await VerifyAsync(source, cancellationToken);

        var restore = await _tool.RunAsync(
            "pg_restore",
            ["--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-owner", "--dbname=" + _tool.Database, source],
            cancellationToken);
        if (restore.ExitCode != 0)
        {
            throw new BackupRefusedException(
                $"pg_restore into {Target} failed (exit {restore.ExitCode}); it ran in one transaction, so nothing was replaced: {restore.Error}");
        }

        return new RestoreResult(Target, null);
    }

    /// <summary>The archive's table of contents must be readable and name every table of the models.</summary>
    private async Task VerifyAsync(string file, CancellationToken cancellationToken)
    {
        var list = await _tool.RunAsync("pg_restore", ["--list", file], cancellationToken);
        if (list.ExitCode != 0)
        {
            throw new BackupRefusedException(
                $"{file} cannot be restored: pg_restore --list cannot read it ({list.Error}). It is damaged or not a pg_dump custom-format archive. Nothing was replaced; restore another backup.");
        }

        var tables = TableEntry().Matches(list.Output).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var schema in schemas.Where(s => s.AppliesTo(tables)))
        {
            var missing = schema.RequiredTables.Where(t => !tables.Contains(t)).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new BackupRefusedException(
                    $"{file} cannot be restored: it is not a blacklist database dump (the {schema.Name} table(s) {string.Join(", ", missing)} are missing). Nothing was replaced.");
            }
        }
    }

    /// <summary>A table line of <c>pg_restore --list</c>: "215; 1259 16386 TABLE public indicators owner".</summary>
    [GeneratedRegex(@"^\d+; \d+ \d+ TABLE (?<schema>\S+) (?<name>\S+) ", RegexOptions.Multiline)]
    private static partial Regex TableEntry();
}
