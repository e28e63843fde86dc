using System.Collections.Concurrent;
using Blacklist.Data.Security;

namespace Blacklist.Server.Security;

/// <summary>Records a key's last use at most once a minute, so a polling firewall does not cost a write per request.</summary>
internal sealed class KeyUsageRecorder(IApiKeyStore keys, TimeProvider time)
{
    private static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<long, DateTimeOffset> _written = new();

    public async Task RecordAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var last = _written.TryGetValue(key.Id, out var written) ? written : key.LastUsedAt;
        if (last is { } seen && now - seen < Resolution)
        {
            return;
        }

        _written[key.Id] = now;
        await keys.TouchAsync(key.Id, now, cancellationToken);
    }
}
