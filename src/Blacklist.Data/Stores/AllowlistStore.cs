using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Data.Contracts;
using Blacklist.Data.Model;
using Blacklist.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Stores;

internal sealed class AllowlistStore(DataWriter writer) : IAllowlistStore
{
    public async Task<AllowlistRecord> AddAsync(IpRange range, string reason, DateTimeOffset? expiresAt, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var row = await writer.WriteAsync(
            db =>
            {
                var now = writer.Time.GetUtcNow();
                var added = new AllowlistRow
                {
                    Family = (byte)range.Family,
                    RangeStart = RangeBytes.ToBytes(range.First),
                    RangeEnd = RangeBytes.ToBytes(range.Last),
                    RangeText = range.ToString(),
                    Reason = reason,
                    CreatedAt = now,
                    CreatedBy = actor,
                    ExpiresAt = expiresAt,
                };
                db.Allowlist.Add(added);
                DataWriter.Audit(db, now, actor, "allowlist.add", added.RangeText, Describe(reason, expiresAt));
                return Task.FromResult(added);
            },
            cancellationToken);
        return RowMapping.ToRecord(row);
    }

    public async Task<bool> RemoveAsync(long id, string actor, CancellationToken cancellationToken)
    {
        var exists = await writer.ReadAsync(db => db.Allowlist.AnyAsync(a => a.Id == id, cancellationToken), cancellationToken);
        if (!exists)
        {
            return false;
        }

        return await writer.WriteAsync(
            async db =>
            {
                var row = await db.Allowlist.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
                if (row is null)
                {
                    return false;
                }

                db.Allowlist.Remove(row);
                DataWriter.Audit(db, writer.Time.GetUtcNow(), actor, "allowlist.remove", row.RangeText, $"id {id}: {row.Reason}");
                return true;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AllowlistRecord>> ListAsync(CancellationToken cancellationToken)
        => writer.ReadAsync<IReadOnlyList<AllowlistRecord>>(
            async db => (await db.Allowlist.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken)).Select(RowMapping.ToRecord).ToList(),
            cancellationToken);

    private static string Describe(string reason, DateTimeOffset? expiresAt)
        => expiresAt is { } at ? $"{reason} (until {at:O})" : reason;
}
