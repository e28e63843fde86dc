using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Security;

internal sealed class SecurityAuditLog(IDbContextFactory<SecurityDbContext> contexts, TimeProvider time) : ISecurityAuditLog
{
    public async Task WriteAsync(string actor, string action, string target, string? details, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Audit.Add(new SecurityAuditRow { At = time.GetUtcNow(), Actor = Clip(actor, 100), Action = action, Target = Clip(target, 200), Details = details is null ? null : Clip(details, 2000) });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SecurityAuditRecord>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(cancellationToken);
        return rows.Select(r => new SecurityAuditRecord(r.Id, r.At, r.Actor, r.Action, r.Target, r.Details)).ToList();
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Audit.LongCountAsync(cancellationToken);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
