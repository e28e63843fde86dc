using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Data.Storage;
using Blacklist.Data.Stores;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Blacklist.Data.Sqlite;

/// <summary>
/// Reads the active indicators straight off the SQLite statement: range bounds as spans, repeated
/// texts pooled without allocating, so a million rows load in about a second. The caller holds
/// the read transaction.
/// </summary>
internal static class SqliteActiveIndicators
{
    public static List<IndicatorRecord> Read(SqliteConnection connection, string sql, long nowMs, CancellationToken cancellationToken)
    {
        var handle = connection.Handle!;
        var result = new List<IndicatorRecord>();
        var pool = new TextPool();
        SqliteResult.Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "@now"), nowMs);
            int step;
            var rows = 0;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (++rows % 65536 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                result.Add(new IndicatorRecord(raw.sqlite3_column_int64(statement, 0), pool.Get(raw.sqlite3_column_blob(statement, 1)), ReadRange(statement))
                {
                    Reason = Text(statement, 5, pool),
                    Category = Text(statement, 6, pool),
                    Country = Text(statement, 7, pool),
                    Confidence = raw.sqlite3_column_int(statement, 8),
                    Score = IsNull(statement, 9) ? null : raw.sqlite3_column_int(statement, 9),
                    DetectedAt = IsNull(statement, 10) ? null : UnixTime.FromMilliseconds(raw.sqlite3_column_int64(statement, 10)),
                    FirstSeen = UnixTime.FromMilliseconds(raw.sqlite3_column_int64(statement, 11)),
                    LastSeen = UnixTime.FromMilliseconds(raw.sqlite3_column_int64(statement, 12)),
                    ExpiresAt = UnixTime.FromMilliseconds(raw.sqlite3_column_int64(statement, 13)),
                });
            }

            if (step != raw.SQLITE_DONE)
            {
                SqliteResult.Check(handle, step);
            }
        }

        return result;
    }

    private static IpRange ReadRange(sqlite3_stmt statement)
    {
        var family = raw.sqlite3_column_int(statement, 2);
        var start = RangeBytes.ToValue(raw.sqlite3_column_blob(statement, 3));
        var end = RangeBytes.ToValue(raw.sqlite3_column_blob(statement, 4));
        return family switch
        {
            (int)IpFamily.V4 => new IpRange(IpFamily.V4, start, end),
            (int)IpFamily.V6 => new IpRange(IpFamily.V6, start, end),
            _ => throw new InvalidDataException($"a stored range has address family {family}; only 4 and 6 exist: the database row is damaged"),
        };
    }

    private static bool IsNull(sqlite3_stmt statement, int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    private static string? Text(sqlite3_stmt statement, int column, TextPool pool)
        => IsNull(statement, column) ? null : pool.Get(raw.sqlite3_column_blob(statement, column));
}
