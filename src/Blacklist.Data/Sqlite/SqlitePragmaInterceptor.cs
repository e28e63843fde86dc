using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Blacklist.Data.Sqlite;

/// <summary>
/// Per-connection SQLite settings: wait for a busy writer instead of failing at once, enforce
/// foreign keys, fsync less often in WAL mode (safe against crashes of the process), and give
/// bulk runs a page cache and a memory temp store big enough for a million-row feed's indexes
/// (SQLite's 2 MB default makes such a run several times slower). Memory-mapped I/O stays off:
/// a snapshot load reads the whole table, and mapped pages would count in the service's resident
/// size (about 180 MB at a million indicators) for no gain over the OS page cache. WAL itself is
/// persistent and set once by the migrator.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
        + "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 0;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
