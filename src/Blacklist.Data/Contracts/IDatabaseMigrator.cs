namespace Blacklist.Data.Contracts;

/// <summary>Brings the database schema up to date (start-up and `blacklist migrate`).</summary>
public interface IDatabaseMigrator
{
    /// <summary>Applies pending migrations; returns the names of those applied.</summary>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> GetPendingAsync(CancellationToken cancellationToken);
}
