using System.Text.Json;
using Blacklist.Core.Addresses;
using Blacklist.Data.Contracts;
using Blacklist.Data.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Blacklist.Data.Postgres;

/// <summary>
/// PostgreSQL's counterpart of <see cref="Sqlite.SqliteIndicatorUpsert"/>: the run's observations
/// go into a temporary table with one binary COPY, then counting, one INSERT … ON CONFLICT and
/// (full-list sources) the withdrawal are each a single set-based statement. Runs inside the
/// caller's transaction; the temporary table is dropped at its commit.
/// </summary>
internal static class PostgresIndicatorUpsert
{
    private const string CreateStage = """
        CREATE TEMP TABLE stage_indicators (
            family smallint NOT NULL, range_start bytea NOT NULL, range_end bytea NOT NULL, range_text text NOT NULL,
            reason text, category text, country text, confidence integer NOT NULL, score integer,
            detected_at bigint, released_at bigint, expires_at bigint NOT NULL, attributes text) ON COMMIT DROP
        """;

    private const string CopyStage = """
        COPY stage_indicators (family, range_start, range_end, range_text, reason, category, country, confidence, score,
                               detected_at, released_at, expires_at, attributes) FROM STDIN (FORMAT BINARY)
        """;

    private const string CountChanges = """
        SELECT COUNT(*),
               COUNT(*) FILTER (WHERE i.id IS NULL),
               COUNT(*) FILTER (WHERE i.id IS NOT NULL AND (i.removed_at IS NOT NULL OR i.expires_at <= @now
                   OR i.reason IS DISTINCT FROM s.reason OR i.category IS DISTINCT FROM s.category OR i.country IS DISTINCT FROM s.country
                   OR i.confidence <> s.confidence OR i.score IS DISTINCT FROM s.score OR i.released_at IS DISTINCT FROM s.released_at))
        FROM stage_indicators s
        LEFT JOIN indicators i ON i.source = @source AND i.family = s.family AND i.range_start = s.range_start AND i.range_end = s.range_end
        """;

    private const string Upsert = """
        INSERT INTO indicators (source, family, range_start, range_end, range_text, reason, category, country, confidence, score,
                                detected_at, first_seen, last_seen, released_at, expires_at, removed_at, attributes)
        SELECT @source, family, range_start, range_end, range_text, reason, category, country, confidence, score,
               detected_at, @now, @now, released_at, expires_at, NULL, attributes
        FROM stage_indicators
        ON CONFLICT (source, family, range_start, range_end) DO UPDATE SET
            range_text = excluded.range_text, reason = excluded.reason, category = excluded.category, country = excluded.country,
            confidence = excluded.confidence, score = excluded.score,
            detected_at = COALESCE(excluded.detected_at, indicators.detected_at),
            last_seen = excluded.last_seen, released_at = excluded.released_at, expires_at = excluded.expires_at,
            removed_at = NULL, attributes = excluded.attributes
        """;

    private const string Withdraw = """
        UPDATE indicators SET removed_at = @now
        WHERE source = @source AND removed_at IS NULL AND expires_at > @now
          AND NOT EXISTS (SELECT 1 FROM stage_indicators s
                          WHERE s.family = indicators.family AND s.range_start = indicators.range_start AND s.range_end = indicators.range_end)
        """;

    // "Not modified" from a full-list source: it still lists what it listed, so those entries are seen again.
    private const string Touch = """
        UPDATE indicators SET last_seen = @now, expires_at = GREATEST(expires_at, @expires)
        WHERE source = @source AND removed_at IS NULL AND released_at IS NULL AND expires_at > @now
        """;

    public static async Task<RunCounts> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RunApplication application, CancellationToken cancellationToken)
    {
        var now = UnixTime.ToMilliseconds(application.SeenAt);
        await ExecuteAsync(connection, transaction, CreateStage, cancellationToken);
        await StageAsync(connection, application, cancellationToken);

        // Temporary tables are never auto-analyzed, and the indicators' statistics lag behind a bulk
        // load: with estimates of a handful of rows the planner picks nested loops that scan the
        // stage once per indicator (minutes for 200k rows). Hash joins are linear at any size.
        await ExecuteAsync(connection, transaction, "ANALYZE stage_indicators; SET LOCAL enable_nestloop = off", cancellationToken);

        long staged, added, updated;
        await using (var count = Command(connection, transaction, CountChanges, application, now))
        {
            await using var reader = await count.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (staged, added, updated) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        await ExecuteRunAsync(connection, transaction, Upsert, application, now, cancellationToken);
        var withdrawn = application.FullList ? await ExecuteRunAsync(connection, transaction, Withdraw, application, now, cancellationToken) : 0;
        await ExecuteAsync(connection, transaction, "RESET enable_nestloop", cancellationToken);
        return application.ReadCounts with { Added = added, Updated = updated, Withdrawn = withdrawn, Unchanged = staged - added - updated };
    }

    public static async Task<RunCounts> TouchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RunApplication application, CancellationToken cancellationToken)
    {
        long touched = 0;
        if (application.FullList)
        {
            await using var touch = Command(connection, transaction, Touch, application, UnixTime.ToMilliseconds(application.SeenAt));
            touch.Parameters.AddWithValue("expires", UnixTime.ToMilliseconds(application.SeenAt + application.Lifetime.Ttl));
            touched = await touch.ExecuteNonQueryAsync(cancellationToken);
        }

        return application.ReadCounts with { Added = 0, Updated = 0, Withdrawn = 0, Unchanged = touched };
    }

    /// <summary>
    /// Streams the observations through one binary COPY. A range listed twice in one feed counts
    /// once and the later line wins, as in SQLite's staging; the stage has no key, so the earlier
    /// duplicates are skipped here.
    /// </summary>
    private static async Task StageAsync(NpgsqlConnection connection, RunApplication application, CancellationToken cancellationToken)
    {
        var observations = application.Observations;
        var skip = LaterDuplicates(observations);
        var text = new char[IpFormat.MaxRangeChars];
        await using var copy = await connection.BeginBinaryImportAsync(CopyStage, cancellationToken);
        for (var index = 0; index < observations.Count; index++)
        {
            if (skip?[index] == true)
            {
                continue;
            }

            var observation = observations[index];
            var range = observation.Range;
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync((short)range.Family, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteAsync(RangeBytes.ToBytes(range.First), NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(RangeBytes.ToBytes(range.Last), NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(new string(text, 0, IpFormat.FormatRange(range, text, RangeStyle.Natural)), NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(copy, observation.Reason, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(copy, observation.Category ?? application.DefaultCategory, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(copy, observation.Country, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(Math.Clamp(observation.Confidence ?? application.DefaultConfidence, 0, 100), NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(copy, observation.Score, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(copy, UnixTime.ToMilliseconds(observation.DetectedAt), NpgsqlDbType.Bigint, cancellationToken);
            await WriteNullableAsync(copy, UnixTime.ToMilliseconds(observation.ReleasedAt), NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(UnixTime.ToMilliseconds(application.Lifetime.ExpiresAt(observation, application.SeenAt)), NpgsqlDbType.Bigint, cancellationToken);
            var attributes = observation.Attributes is { Count: > 0 } values ? JsonSerializer.Serialize(values) : null;
            await WriteNullableAsync(copy, attributes, NpgsqlDbType.Text, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>Marks every observation that a later one of the same range replaces; null when there is none (the usual case).</summary>
    private static bool[]? LaterDuplicates(IReadOnlyList<Core.Indicators.Observation> observations)
    {
        var seen = new HashSet<(IpFamily, UInt128, UInt128)>(observations.Count);
        bool[]? skip = null;
        for (var index = observations.Count - 1; index >= 0; index--)
        {
            var range = observations[index].Range;
            if (!seen.Add((range.Family, range.First, range.Last)))
            {
                skip ??= new bool[observations.Count];
                skip[index] = true;
            }
        }

        return skip;
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class
        => value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct
        => value is { } present ? copy.WriteAsync(present, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);

    /// <summary>A statement of the run: every one but the staging DDL reads the run's source and time.</summary>
    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, RunApplication application, long now)
    {
        var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("source", application.Source);
        command.Parameters.AddWithValue("now", now);
        return command;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ExecuteRunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, RunApplication application, long now, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, application, now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
