using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;

namespace Blacklist.Data.Contracts;

/// <summary>The allowlist: ranges never served. Writes are audited and notify like every write.</summary>
public interface IAllowlistStore
{
    Task<AllowlistRecord> AddAsync(IpRange range, string reason, DateTimeOffset? expiresAt, string actor, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(long id, string actor, CancellationToken cancellationToken);

    Task<IReadOnlyList<AllowlistRecord>> ListAsync(CancellationToken cancellationToken);
}
