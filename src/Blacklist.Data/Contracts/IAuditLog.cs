namespace Blacklist.Data.Contracts;

/// <summary>Who did what, when: every manual change is recorded.</summary>
public interface IAuditLog
{
    Task<IReadOnlyList<AuditRecord>> ListAsync(int limit, CancellationToken cancellationToken);
}

public sealed record AuditRecord(long Id, DateTimeOffset At, string Actor, string Action, string Target, string? Details);
