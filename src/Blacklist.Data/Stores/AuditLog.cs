using Blacklist.Data.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Stores;

internal sealed class AuditLog(DataWriter writer) : IAuditLog
{
    public Task<IReadOnlyList<AuditRecord>> ListAsync(int limit, CancellationToken cancellationToken)
        => writer.ReadAsync<IReadOnlyList<AuditRecord>>(
            async db => (await db.AuditEvents.AsNoTracking()
                    .OrderByDescending(a => a.Id)
                    .Take(Math.Clamp(limit, 1, 10_000))
                    .ToListAsync(cancellationToken))
                .Select(a => new AuditRecord(a.Id, a.At, a.Actor, a.Action, a.Target, a.Details))
                .ToList(),
            cancellationToken);
}
