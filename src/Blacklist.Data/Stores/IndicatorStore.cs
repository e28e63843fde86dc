using Blacklist.Core.Indicators;
using Blacklist.Data.Contracts;
using Blacklist.Data.Hosting;
using Blacklist.Data.Model;
using Blacklist.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Stores;

internal sealed class IndicatorStore(DataWriter writer, IDbContextFactory<BlacklistDbContext> contexts, DataOptions options) : IIndicatorStore
{
    public const string ManualSource = "manual";

    public Task<long> GetChangeCounterAsync(CancellationToken cancellationToken)
        => writer.ReadAsync(db => db.ChangeCounter.AsNoTracking().Where(c => c.Id == ChangeCounterRow.SingletonId).Select(c => c.Value).FirstAsync(cancellationToken), cancellationToken);

    // One statement (UPDATE … SET value = value + 1 WHERE id = 1 AND value = @seen): atomic on both
    // providers, so of two replicas that saw the same counter exactly one moves it.
    public async Task<bool> TryAdvanceChangeCounterAsync(long seen, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var moved = await db.ChangeCounter
            .Where(c => c.Id == ChangeCounterRow.SingletonId && c.Value == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1), cancellationToken);
        return moved == 1;
    }

    public async Task<ActiveData> LoadActiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ActiveDataReader.ReadAsync(db, now, cancellationToken);
    }

    public async Task<IndicatorRecord> AddManualAsync(ManualEntryRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Reason);
        var now = writer.Time.GetUtcNow();
        var expiresAt = request.ExpiresAt ?? now + options.ManualTtl;
        if (expiresAt <= now)
        {
            throw new ArgumentException($"the expiry {expiresAt:O} is not in the future; give a later date or none (the manual TTL of {options.ManualTtl.TotalDays:0} days applies)", nameof(request));
        }

        var row = await writer.WriteAsync(
            async db =>
            {
                await EnsureManualSourceAsync(db, now, cancellationToken);
                var start = RangeBytes.ToBytes(request.Range.First);
                var end = RangeBytes.ToBytes(request.Range.Last);
                var family = (byte)request.Range.Family;
                var entry = await db.Indicators.FirstOrDefaultAsync(
                    i => i.Source == ManualSource && i.Family == family && i.RangeStart == start && i.RangeEnd == end,
                    cancellationToken);
                if (entry is null)
                {
                    entry = new IndicatorRow
                    {
                        Source = ManualSource,
                        Family = family,
                        RangeStart = start,
                        RangeEnd = end,
                        RangeText = request.Range.ToString(),
                        FirstSeen = now,
                        Confidence = 100,
                    };
                    db.Indicators.Add(entry);
                }

                entry.Reason = request.Reason;
                entry.Category = request.Category;
                entry.LastSeen = now;
                entry.ReleasedAt = request.ExpiresAt;
                entry.ExpiresAt = expiresAt;
                entry.RemovedAt = null;
                DataWriter.Audit(db, now, actor, "manual.add", entry.RangeText, $"{request.Reason} (until {expiresAt:O})");
                return entry;
            },
            cancellationToken);
        return RowMapping.ToRecord(row);
    }

    public async Task<bool> RemoveManualAsync(long id, string actor, CancellationToken cancellationToken)
    {
        var exists = await writer.ReadAsync(
            db => db.Indicators.AnyAsync(i => i.Id == id && i.Source == ManualSource && i.RemovedAt == null, cancellationToken),
            cancellationToken);
        if (!exists)
        {
            return false;
        }

        return await writer.WriteAsync(
            async db =>
            {
                var row = await db.Indicators.FirstOrDefaultAsync(i => i.Id == id && i.Source == ManualSource && i.RemovedAt == null, cancellationToken);
                if (row is null)
                {
                    return false;
                }

                var now = writer.Time.GetUtcNow();
                row.RemovedAt = now;
                DataWriter.Audit(db, now, actor, "manual.remove", row.RangeText, $"id {id}: {row.Reason}");
                return true;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<IndicatorRecord>> ListManualAsync(CancellationToken cancellationToken)
        => writer.ReadAsync<IReadOnlyList<IndicatorRecord>>(
            // Removed entries are dropped here, not in SQL: with "removed_at IS NULL" SQLite picks the
            // removed_at index (true for nearly every row) and reads the whole table instead of the
            // few rows of the source's own index.
            async db => (await db.Indicators.AsNoTracking()
                    .Where(i => i.Source == ManualSource)
                    .OrderBy(i => i.Id)
                    .ToListAsync(cancellationToken))
                .Where(i => i.RemovedAt == null)
                .Select(RowMapping.ToRecord)
                .ToList(),
            cancellationToken);

    public async Task<IReadOnlyList<DailyChange>> GetDailyChangesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to < from)
        {
            throw new ArgumentException($"the range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})", nameof(to));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await DailyChangesReader.ReadAsync(db, from, to, writer.Time.GetUtcNow(), cancellationToken);
    }

    internal static async Task EnsureManualSourceAsync(BlacklistDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.Sources.AnyAsync(s => s.Name == ManualSource, cancellationToken))
        {
            db.Sources.Add(new SourceRow { Name = ManualSource, Kind = ManualSource, CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
