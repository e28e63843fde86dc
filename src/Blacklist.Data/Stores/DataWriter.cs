using Blacklist.Data.Contracts;
using Blacklist.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Stores;

/// <summary>
/// The shape of every data write: one transaction, the change counter bumped inside it, the
/// notifier told after the commit (never before, so a rebuilt snapshot sees the change).
/// </summary>
internal sealed class DataWriter(IDbContextFactory<BlacklistDbContext> contexts, IDataChangeNotifier notifier, TimeProvider time)
{
    public TimeProvider Time => time;

    public async Task<T> WriteAsync<T>(Func<BlacklistDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        T result;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            result = await work(db);
            await db.SaveChangesAsync(cancellationToken);
            await db.ChangeCounter.ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        notifier.NotifyChanged();
        return result;
    }

    public async Task<T> ReadAsync<T>(Func<BlacklistDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await work(db);
    }

    /// <summary>Bookkeeping that changes nothing served (run status, source state): no counter, no notification.</summary>
    public async Task SaveAsync(Func<BlacklistDbContext, Task> work, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await work(db);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static void Audit(BlacklistDbContext db, DateTimeOffset at, string actor, string action, string target, string? details)
    {
        db.AuditEvents.Add(new AuditEventRow { At = at, Actor = actor, Action = action, Target = target, Details = details });
    }
}
