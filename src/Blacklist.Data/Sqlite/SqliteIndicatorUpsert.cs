using System.Text;
using System.Text.Json;
using Blacklist.Core.Addresses;
using Blacklist.Data.Contracts;
using Blacklist.Data.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Blacklist.Data.Sqlite;

/// <summary>
/// Applies a run's observations set-based: stage them in a temporary table with one prepared
/// statement, count what is new, changed or only seen again, upsert everything with one
/// INSERT … ON CONFLICT, and (full-list sources) withdraw what the run no longer lists. Runs
/// inside the caller's transaction; no EF change tracking per row.
/// </summary>
internal static class SqliteIndicatorUpsert
{
    private const string CreateStage = """
        CREATE TEMP TABLE IF NOT EXISTS stage_indicators (
            family INTEGER NOT NULL, range_start BLOB NOT NULL, range_end BLOB NOT NULL, range_text TEXT NOT NULL,
            reason TEXT, category TEXT, country TEXT, confidence INTEGER NOT NULL, score INTEGER,
            detected_at INTEGER, released_at INTEGER, expires_at INTEGER NOT NULL, attributes TEXT,
            PRIMARY KEY (family, range_start, range_end)) WITHOUT ROWID;
        DELETE FROM stage_indicators;
        """;

    // A range listed twice in one feed counts once; the later line wins.
    private const string StageRow = """
        INSERT INTO stage_indicators VALUES ($family, $start, $end, $text, $reason, $category, $country, $confidence, $score, $detected, $released, $expires, $attributes)
        ON CONFLICT (family, range_start, range_end) DO UPDATE SET
            range_text = excluded.range_text, reason = excluded.reason, category = excluded.category, country = excluded.country,
            confidence = excluded.confidence, score = excluded.score, detected_at = excluded.detected_at,
            released_at = excluded.released_at, expires_at = excluded.expires_at, attributes = excluded.attributes
        """;

    private const string CountChanges = """
        SELECT COUNT(*),
               COALESCE(SUM(i.id IS NULL), 0),
               COALESCE(SUM(i.id IS NOT NULL AND (i.removed_at IS NOT NULL OR i.expires_at <= $now
                   OR i.reason IS NOT s.reason OR i.category IS NOT s.category OR i.country IS NOT s.country
                   OR i.confidence <> s.confidence OR i.score IS NOT s.score OR i.released_at IS NOT s.released_at)), 0)
        FROM stage_indicators s
        LEFT JOIN indicators i ON i.source = $source AND i.family = s.family AND i.range_start = s.range_start AND i.range_end = s.range_end
        """;

    private const string Upsert = """
        INSERT INTO indicators (source, family, range_start, range_end, range_text, reason, category, country, confidence, score,
                                detected_at, first_seen, last_seen, released_at, expires_at, removed_at, attributes)
        SELECT $source, family, range_start, range_end, range_text, reason, category, country, confidence, score,
               detected_at, $now, $now, released_at, expires_at, NULL, attributes
        FROM stage_indicators WHERE true
        ON CONFLICT (source, family, range_start, range_end) DO UPDATE SET
            range_text = excluded.range_text, reason = excluded.reason, category = excluded.category, country = excluded.country,
            confidence = excluded.confidence, score = excluded.score,
            detected_at = COALESCE(excluded.detected_at, indicators.detected_at),
            last_seen = excluded.last_seen, released_at = excluded.released_at, expires_at = excluded.expires_at,
            removed_at = NULL, attributes = excluded.attributes
        """;

    private const string Withdraw = """
        UPDATE indicators SET removed_at = $now
        WHERE source = $source AND removed_at IS NULL AND expires_at > $now
          AND NOT EXISTS (SELECT 1 FROM stage_indicators s
                          WHERE s.family = indicators.family AND s.range_start = indicators.range_start AND s.range_end = indicators.range_end)
        """;

    // "Not modified" from a full-list source: it still lists what it listed, so those entries are seen again.
    private const string Touch = """
        UPDATE indicators SET last_seen = $now, expires_at = MAX(expires_at, $expires)
        WHERE source = $source AND removed_at IS NULL AND released_at IS NULL AND expires_at > $now
        """;

    public static async Task<RunCounts> ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, RunApplication application, CancellationToken cancellationToken)
    {
        var now = UnixTime.ToMilliseconds(application.SeenAt);
        await ExecuteAsync(connection, transaction, CreateStage, cancellationToken);
        await StageAsync(connection, application, cancellationToken);

        long staged, added, updated;
        await using (var count = Command(connection, transaction, CountChanges))
        {
            count.Parameters.AddWithValue("$source", application.Source);
            count.Parameters.AddWithValue("$now", now);
            await using var reader = await count.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (staged, added, updated) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        await using (var upsert = Command(connection, transaction, Upsert))
        {
            upsert.Parameters.AddWithValue("$source", application.Source);
            upsert.Parameters.AddWithValue("$now", now);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        long withdrawn = 0;
        if (application.FullList)
        {
            await using var withdraw = Command(connection, transaction, Withdraw);
            withdraw.Parameters.AddWithValue("$source", application.Source);
            withdraw.Parameters.AddWithValue("$now", now);
            withdrawn = await withdraw.ExecuteNonQueryAsync(cancellationToken);
        }

        await ExecuteAsync(connection, transaction, "DELETE FROM stage_indicators", cancellationToken);
        return application.ReadCounts with { Added = added, Updated = updated, Withdrawn = withdrawn, Unchanged = staged - added - updated };
    }

    public static async Task<RunCounts> TouchAsync(SqliteConnection connection, SqliteTransaction transaction, RunApplication application, CancellationToken cancellationToken)
    {
        long touched = 0;
        if (application.FullList)
        {
            await using var touch = Command(connection, transaction, Touch);
            touch.Parameters.AddWithValue("$source", application.Source);
            touch.Parameters.AddWithValue("$now", UnixTime.ToMilliseconds(application.SeenAt));
            touch.Parameters.AddWithValue("$expires", UnixTime.ToMilliseconds(application.SeenAt + application.Lifetime.Ttl));
            touched = await touch.ExecuteNonQueryAsync(cancellationToken);
        }

        return application.ReadCounts with { Added = 0, Updated = 0, Withdrawn = 0, Unchanged = touched };
    }

    /// <summary>
    /// Stages every observation through one prepared statement on the raw SQLite handle, binding
    /// by index: Microsoft.Data.Sqlite would look each parameter up by name on every row, which
    /// costs more than the insert itself for a million rows.
    /// </summary>
    private static Task StageAsync(SqliteConnection connection, RunApplication application, CancellationToken cancellationToken)
    {
        var handle = connection.Handle!;
        SqliteResult.Check(handle, raw.sqlite3_prepare_v2(handle, StageRow, out var statement));
        using (statement)
        {
            var texts = new Utf8Cache();
            Span<byte> start = stackalloc byte[RangeBytes.Length];
            Span<byte> end = stackalloc byte[RangeBytes.Length];
            Span<byte> text = stackalloc byte[IpFormat.MaxRangeChars];
            var defaultCategory = application.DefaultCategory;
            foreach (var observation in application.Observations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var range = observation.Range;
                RangeBytes.Write(range.First, start);
                RangeBytes.Write(range.Last, end);
                var textLength = IpFormat.FormatRange(range, text, RangeStyle.Natural);
                raw.sqlite3_bind_int(statement, 1, (int)range.Family);
                raw.sqlite3_bind_blob(statement, 2, start);
                raw.sqlite3_bind_blob(statement, 3, end);
                raw.sqlite3_bind_text(statement, 4, text[..textLength]);
                BindText(statement, 5, texts.Get(observation.Reason));
                BindText(statement, 6, texts.Get(observation.Category ?? defaultCategory));
                BindText(statement, 7, texts.Get(observation.Country));
                raw.sqlite3_bind_int(statement, 8, Math.Clamp(observation.Confidence ?? application.DefaultConfidence, 0, 100));
                BindInt(statement, 9, observation.Score);
                BindInt64(statement, 10, UnixTime.ToMilliseconds(observation.DetectedAt));
                BindInt64(statement, 11, UnixTime.ToMilliseconds(observation.ReleasedAt));
                raw.sqlite3_bind_int64(statement, 12, UnixTime.ToMilliseconds(application.Lifetime.ExpiresAt(observation, application.SeenAt)));
                BindText(statement, 13, observation.Attributes is { Count: > 0 } attributes ? Encoding.UTF8.GetBytes(JsonSerializer.Serialize(attributes)) : null);
                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE)
                {
                    SqliteResult.Check(handle, step);
                }

                raw.sqlite3_reset(statement);
            }
        }

        return Task.CompletedTask;
    }

    private static void BindText(sqlite3_stmt statement, int index, byte[]? utf8)
    {
        if (utf8 is null)
        {
            raw.sqlite3_bind_null(statement, index);
        }
        else
        {
            raw.sqlite3_bind_text(statement, index, utf8);
        }
    }

    private static void BindInt(sqlite3_stmt statement, int index, int? value)
    {
        if (value is { } number)
        {
            raw.sqlite3_bind_int(statement, index, number);
        }
        else
        {
            raw.sqlite3_bind_null(statement, index);
        }
    }

    private static void BindInt64(sqlite3_stmt statement, int index, long? value)
    {
        if (value is { } number)
        {
            raw.sqlite3_bind_int64(statement, index, number);
        }
        else
        {
            raw.sqlite3_bind_null(statement, index);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
