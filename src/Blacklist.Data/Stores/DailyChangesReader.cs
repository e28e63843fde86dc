using Blacklist.Data.Contracts;
using Blacklist.Data.Model;
using Blacklist.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Stores;

/// <summary>Per UTC day: indicators first seen, and indicators that stopped being active (expired or removed) by now.</summary>
internal static class DailyChangesReader
{
    private const long DayMs = 86_400_000;

    private const string AddedSql = """
        SELECT first_seen / 86400000 AS day, COUNT(*) FROM indicators
        WHERE first_seen >= @from AND first_seen < @to
        GROUP BY first_seen / 86400000
        """;

    private const string EndedSql = """
        SELECT ended / 86400000 AS day, COUNT(*) FROM (
            SELECT CASE WHEN removed_at IS NOT NULL AND removed_at < expires_at THEN removed_at ELSE expires_at END AS ended
            FROM indicators) AS e
        WHERE ended >= @from AND ended < @to AND ended <= @now
        GROUP BY ended / 86400000
        """;

    public static async Task<IReadOnlyList<DailyChange>> ReadAsync(BlacklistDbContext db, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fromMs = UnixTime.ToMilliseconds(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var toMs = UnixTime.ToMilliseconds(new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) + DayMs;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginReadAsync(cancellationToken);
        var added = await CountByDayAsync(AddedSql);
        var ended = await CountByDayAsync(EndedSql);
        await transaction.CommitAsync(cancellationToken);

        var days = new List<DailyChange>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var key = day.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
            days.Add(new DailyChange(day, added.GetValueOrDefault(key), ended.GetValueOrDefault(key)));
        }

        return days;

        async Task<Dictionary<long, int>> CountByDayAsync(string sql)
        {
            var counts = new Dictionary<long, int>();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.AddParameter("@from", fromMs);
            command.AddParameter("@to", toMs);
            command.AddParameter("@now", UnixTime.ToMilliseconds(now));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetInt64(0)] = checked((int)reader.GetInt64(1));
            }

            return counts;
        }
    }
}
