namespace Blacklist.Data.Backup;

/// <summary>Backup and restore of the configured database (<see cref="DatabaseBackups.For"/> picks the provider's way).</summary>
public interface IDatabaseBackup
{
    /// <summary>The database this works on, without any password.</summary>
    string Target { get; }

    /// <summary>Writes a dated, checksummed backup into <paramref name="directory"/> while the service may serve and write, then keeps only the <paramref name="keep"/> newest.</summary>
    /// <exception cref="BackupRefusedException">There is nothing to back up, or a tool is missing.</exception>
    Task<BackupFile> BackupAsync(string directory, int keep, CancellationToken cancellationToken);

    /// <summary>Verifies <paramref name="file"/> and only then replaces the database with it.</summary>
    /// <exception cref="BackupRefusedException">The file is damaged or foreign, or the database is in use; nothing was replaced.</exception>
    Task<RestoreResult> RestoreAsync(string file, CancellationToken cancellationToken);
}
