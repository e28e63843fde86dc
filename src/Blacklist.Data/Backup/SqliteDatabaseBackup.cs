using Microsoft.Data.Sqlite;

namespace Blacklist.Data.Backup;

/// <summary>
/// SQLite: backups through SQLite's online backup API, which copies a consistent snapshot while the
/// service keeps reading and writing (WAL lets the writer go on); a plain file copy of a live
/// database and its WAL is not consistent. One file holds both the list and the credential tables.
/// </summary>
internal sealed class SqliteDatabaseBackup(string connectionString, IReadOnlyList<ExpectedSchema> schemas, TimeProvider time) : IDatabaseBackup
{
    private const string PreRestoreSuffix = ".pre-restore";
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private readonly string _database = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    public string Target => _database;

    public async Task<BackupFile> BackupAsync(string directory, int keep, CancellationToken cancellationToken)
    {
        if (!File.Exists(_database))
        {
            throw new BackupRefusedException($"There is no database at {_database} to back up; check Blacklist:DataDirectory (or ConnectionStrings:Blacklist).");
        }

        return await BackupDirectory.WriteAsync(directory, time.GetUtcNow(), "db", keep, partial => CopyAsync(partial, cancellationToken), cancellationToken);
    }

    private async Task CopyAsync(string partial, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = Connect(_database, SqliteOpenMode.ReadWrite, TimeSpan.FromSeconds(30));
            await using var destination = Connect(partial, SqliteOpenMode.ReadWriteCreate, TimeSpan.FromSeconds(30));
            await source.OpenAsync(cancellationToken);
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);

            // The copy stands alone: rollback journal instead of WAL, so it is one file that can be
            // read, copied and checked anywhere. The service switches a restored file back to WAL.
            await ExecuteAsync(destination, "PRAGMA journal_mode = DELETE;", cancellationToken);
        }
        catch (SqliteException e)
        {
            throw new BackupRefusedException($"The SQLite backup of {_database} failed: {e.Message}", e);
        }
    }

    public async Task<RestoreResult> RestoreAsync(string file, CancellationToken cancellationToken)
    {
        var source = BackupDirectory.RequireRestorable(file);
        await BackupDirectory.VerifyChecksumAsync(source, cancellationToken);

        // The copy to install is made next to the database (same file system, so the final rename is
        // atomic) and checked there: what is verified is exactly what gets installed.
        Directory.CreateDirectory(Path.GetDirectoryName(_database)!);
        var staging = _database + ".restoring";
        BackupDirectory.DeleteQuietly(staging);
        try
        {
            File.Copy(source, staging);
            await SqliteBackupVerifier.VerifyAsync(staging, source, schemas, cancellationToken);
            await EnsureNotInUseAsync(cancellationToken);
            return Install(staging);
        }
        finally
        {
            BackupDirectory.DeleteQuietly(staging);
        }
    }

    /// <summary>
    /// Refuses while another process has the database open: leaving WAL mode needs every other
    /// connection gone, so it fails (busy) while the service runs. It also folds the WAL into the
    /// file, so the previous copy kept beside the database is complete.
    /// </summary>
    private async Task EnsureNotInUseAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_database))
        {
            return;
        }

        string? mode;
        try
        {
            await using var connection = Connect(_database, SqliteOpenMode.ReadWrite, TimeSpan.FromSeconds(2));
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = DELETE;";
            mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            mode = null;
        }
        catch (SqliteException)
        {
            // The current file is not a readable database (the reason to restore, often): nothing can
            // be serving from it. It is kept as the previous copy all the same.
            return;
        }

        if (!string.Equals(mode, "delete", StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupRefusedException(
                $"{_database} is open in another process (is the service running?). Stop the service first "
                + "(docker compose stop blacklist, systemctl stop blacklist, or Ctrl+C), then run the restore again. Nothing was replaced.");
        }
    }

    private RestoreResult Install(string staging)
    {
        // No WAL or shared-memory file of the old database may survive: SQLite would apply it to the new one.
        foreach (var leftover in new[] { _database + "-wal", _database + "-shm", _database + "-journal" })
        {
            File.Delete(leftover);
        }

        if (!File.Exists(_database))
        {
            File.Move(staging, _database);
            return new RestoreResult(_database, null);
        }

        var previous = _database + PreRestoreSuffix;
        File.Replace(staging, _database, previous, ignoreMetadataErrors: true);
        return new RestoreResult(_database, previous);
    }

    /// <summary>A connection outside the pool: nothing of it stays open once disposed (renames, the in-use check).</summary>
    internal static SqliteConnection Connect(string path, SqliteOpenMode mode, TimeSpan busyTimeout)
        => new(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = (int)busyTimeout.TotalSeconds,
        }.ToString());

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
