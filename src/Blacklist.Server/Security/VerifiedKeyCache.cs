using System.Collections.Concurrent;
using Blacklist.Data.Security;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Security;

/// <summary>
/// API keys the database confirmed recently, consulted only when the database cannot be reached
/// (stale-if-error), so firewalls with a key keep reading during an outage. While the database
/// answers it is asked on every request, so a revoked key is refused at once; during an outage a key
/// is trusted for at most <see cref="AccessOptions.VerifiedKeyLifetime"/> after its last confirmation,
/// which bounds how late a revocation takes effect. Bounded to <see cref="AccessOptions.VerifiedKeyCacheSize"/> keys.
/// </summary>
internal sealed class VerifiedKeyCache(IOptions<AccessOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    /// <summary>Records that the database just confirmed <paramref name="key"/> (its hash, revocation and expiry).</summary>
    public void Remember(StoredApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var settings = options.Value;
        if (settings.VerifiedKeyLifetime <= TimeSpan.Zero)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (!_entries.ContainsKey(key.Record.KeyId) && _entries.Count >= settings.VerifiedKeyCacheSize)
        {
            MakeRoom(now, settings);
        }

        _entries[key.Record.KeyId] = new Entry(key, now);
    }

    /// <summary>The database said the key is gone, revoked or expired: never trust it from memory again.</summary>
    public void Forget(string keyId) => _entries.TryRemove(keyId, out _);

    /// <summary>The key as last confirmed, or null when it was never confirmed or not within the lifetime.</summary>
    public StoredApiKey? Recall(string keyId)
    {
        if (!_entries.TryGetValue(keyId, out var entry))
        {
            return null;
        }

        if (time.GetUtcNow() - entry.VerifiedAt >= options.Value.VerifiedKeyLifetime)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(keyId, entry));
            return null;
        }

        return entry.Key;
    }

    /// <summary>Drops stale entries; when every entry is fresh, drops the one confirmed longest ago.</summary>
    private void MakeRoom(DateTimeOffset now, AccessOptions settings)
    {
        foreach (var (keyId, entry) in _entries)
        {
            if (now - entry.VerifiedAt >= settings.VerifiedKeyLifetime)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(keyId, entry));
            }
        }

        while (_entries.Count >= settings.VerifiedKeyCacheSize && !_entries.IsEmpty)
        {
            var oldest = _entries.MinBy(pair => pair.Value.VerifiedAt);
            _entries.TryRemove(oldest);
        }
    }

    private sealed record Entry(StoredApiKey Key, DateTimeOffset VerifiedAt);
}
