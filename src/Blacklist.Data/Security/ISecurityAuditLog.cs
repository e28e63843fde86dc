namespace Blacklist.Data.Security;

/// <summary>Privileged actions on credentials (keys, logins, users), kept apart from the data audit log.</summary>
public interface ISecurityAuditLog
{
    Task WriteAsync(string actor, string action, string target, string? details, CancellationToken cancellationToken);

    Task<IReadOnlyList<SecurityAuditRecord>> ListAsync(int limit, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);
}

public sealed record SecurityAuditRecord(long Id, DateTimeOffset At, string Actor, string Action, string Target, string? Details);
