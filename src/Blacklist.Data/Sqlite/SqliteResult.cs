using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Blacklist.Data.Sqlite;

/// <summary>Turns a raw SQLite result code into the same exception Microsoft.Data.Sqlite throws.</summary>
internal static class SqliteResult
{
    public static void Check(sqlite3 handle, int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            throw new SqliteException($"SQLite error {result}: {raw.sqlite3_errmsg(handle).utf8_to_string()}", result);
        }
    }
}
