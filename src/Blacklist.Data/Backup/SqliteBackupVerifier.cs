using Microsoft.Data.Sqlite;

namespace Blacklist.Data.Backup;

/// <summary>
/// Checks that a file is an intact blacklist database before it replaces anything: SQLite's
/// integrity check, every table of the current models, and a migrations history this build knows.
/// </summary>
internal static class SqliteBackupVerifier
{
    private const int MessagesShown = 5;

    /// <param name="path">The copy to check.</param>
    /// <param name="shownAs">The file the operator named, for messages.</param>
    public static async Task VerifyAsync(string path, string shownAs, IReadOnlyList<ExpectedSchema> schemas, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = SqliteDatabaseBackup.Connect(path, SqliteOpenMode.ReadWrite, TimeSpan.FromSeconds(5));
            await connection.OpenAsync(cancellationToken);

            var problems = await ReadColumnAsync(connection, "PRAGMA integrity_check;", cancellationToken);
            if (problems is not ["ok"])
            {
                throw Refused(shownAs, $"it fails SQLite's integrity check ({string.Join("; ", problems.Take(MessagesShown))})");
            }

            var tables = (await ReadColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table';", cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var schema in schemas.Where(s => s.AppliesTo(tables)))
            {
                var missing = schema.RequiredTables.Where(t => !tables.Contains(t)).Order(StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    throw Refused(shownAs, $"it is not a blacklist database: the {schema.Name} table(s) {string.Join(", ", missing)} are missing");
                }

                var applied = await ReadColumnAsync(connection, $"SELECT \"MigrationId\" FROM \"{schema.HistoryTable}\";", cancellationToken);
                if (applied.Count == 0)
                {
                    throw Refused(shownAs, $"its {schema.Name} migrations history ({schema.HistoryTable}) is empty");
                }

                var unknown = applied.Where(m => !schema.KnownMigrations.Contains(m)).ToList();
                if (unknown.Count > 0)
                {
                    throw Refused(shownAs, $"a newer blacklist wrote it ({schema.Name} migration(s) {string.Join(", ", unknown)} are unknown to this version); restore it with that version");
                }
            }
        }
        catch (SqliteException e)
        {
            throw Refused(shownAs, $"SQLite cannot read it ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static BackupRefusedException Refused(string file, string why, Exception? inner = null)
    {
        var message = $"{file} cannot be restored: {why}. Nothing was replaced; restore another backup.";
        return inner is null ? new BackupRefusedException(message) : new BackupRefusedException(message, inner);
    }

    private static async Task<List<string>> ReadColumnAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
