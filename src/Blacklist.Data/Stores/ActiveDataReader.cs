using System.Data.Common;
using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Data.Contracts;
using Blacklist.Data.Model;
using Blacklist.Data.Sqlite;
using Blacklist.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Stores;

/// <summary>
/// Reads the active set for a snapshot with a plain data reader (no tracked entities) inside one
/// read transaction, so the change counter and the rows agree. Repeated texts (source, reason,
/// category, country) are pooled, since a million rows share a handful of them.
/// </summary>
internal static class ActiveDataReader
{
    private const string IndicatorsSql = """
        SELECT id, source, family, range_start, range_end, reason, category, country, confidence, score,
               detected_at, first_seen, last_seen, expires_at
        FROM indicators
        WHERE removed_at IS NULL AND expires_at > @now
        """;

    private const string AllowlistSql = """
        SELECT id, family, range_start, range_end, reason, created_at, created_by, expires_at
        FROM allowlist
        WHERE expires_at IS NULL OR expires_at > @now
        """;

    public static async Task<ActiveData> ReadAsync(BlacklistDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginReadAsync(cancellationToken);
        var nowMs = UnixTime.ToMilliseconds(now);

        long counter;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT value FROM change_counter WHERE id = 1";
            counter = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var indicators = await ReadIndicatorsAsync(connection, transaction, nowMs, cancellationToken);
        var allowlist = await ReadAllowlistAsync(connection, transaction, nowMs, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ActiveData(counter, indicators, allowlist);
    }

    private static async Task<List<IndicatorRecord>> ReadIndicatorsAsync(DbConnection connection, DbTransaction transaction, long nowMs, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            return SqliteActiveIndicators.Read(sqlite, IndicatorsSql, nowMs, cancellationToken);
        }

        var result = new List<IndicatorRecord>();
        var pool = new TextPool();
        var start = new byte[RangeBytes.Length];
        var end = new byte[RangeBytes.Length];
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = IndicatorsSql;
        command.AddParameter("@now", nowMs);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var range = ReadRange(reader, 2, start, end);
            result.Add(new IndicatorRecord(reader.GetInt64(0), pool.Get(reader.GetString(1))!, range)
            {
                Reason = pool.Get(reader.GetNullableString(5)),
                Category = pool.Get(reader.GetNullableString(6)),
                Country = pool.Get(reader.GetNullableString(7)),
                Confidence = reader.GetInt32(8),
                Score = reader.GetNullableInt32(9),
                DetectedAt = UnixTime.FromMilliseconds(reader.GetNullableInt64(10)),
                FirstSeen = UnixTime.FromMilliseconds(reader.GetInt64(11)),
                LastSeen = UnixTime.FromMilliseconds(reader.GetInt64(12)),
                ExpiresAt = UnixTime.FromMilliseconds(reader.GetInt64(13)),
            });
        }

        return result;
    }

    private static async Task<List<AllowlistRecord>> ReadAllowlistAsync(DbConnection connection, DbTransaction transaction, long nowMs, CancellationToken cancellationToken)
    {
        var result = new List<AllowlistRecord>();
        var start = new byte[RangeBytes.Length];
        var end = new byte[RangeBytes.Length];
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = AllowlistSql;
        command.AddParameter("@now", nowMs);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new AllowlistRecord(reader.GetInt64(0), ReadRange(reader, 1, start, end), reader.GetString(4))
            {
                CreatedAt = UnixTime.FromMilliseconds(reader.GetInt64(5)),
                CreatedBy = reader.GetString(6),
                ExpiresAt = UnixTime.FromMilliseconds(reader.GetNullableInt64(7)),
            });
        }

        return result;
    }

    /// <summary>Reads family, range_start, range_end starting at <paramref name="ordinal"/> into reused buffers.</summary>
    private static IpRange ReadRange(DbDataReader reader, int ordinal, byte[] start, byte[] end)
    {
        var family = reader.GetByte(ordinal);
        var startLength = reader.GetBytes(ordinal + 1, 0, start, 0, start.Length);
        var endLength = reader.GetBytes(ordinal + 2, 0, end, 0, end.Length);
        if (startLength != RangeBytes.Length || endLength != RangeBytes.Length)
        {
            throw new InvalidDataException($"a stored range bound is {startLength}/{endLength} bytes instead of {RangeBytes.Length}: the database row is damaged");
        }

        return RowMapping.ToRange(family, start, end);
    }
}
