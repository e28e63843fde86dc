using System.Collections.Concurrent;
using Blacklist.Data.Hosting;
using Blacklist.Data.Security;

namespace Blacklist.Server.Security;

/// <summary>
/// Records a key's last use at most once a minute, so a polling firewall does not cost a write per
/// request. The write runs beside the request, bounded in time, and a failure is only logged: a slow
/// or unreachable database never delays or fails a request that was already authenticated.
/// </summary>
internal sealed partial class KeyUsageRecorder(IApiKeyStore keys, TimeProvider time, ILogger<KeyUsageRecorder> logger)
{
    private static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<long, DateTimeOffset> _written = new();

    /// <summary>Starts recording the use of <paramref name="key"/> when due and returns the write (already completed when not due); it never throws.</summary>
    public Task Record(ApiKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow();
        var last = _written.TryGetValue(key.Id, out var written) ? written : key.LastUsedAt;
        if (last is { } seen && now - seen < Resolution)
        {
            return Task.CompletedTask;
        }

        // Marked before writing: a failed write is retried a minute later, not on every request.
        _written[key.Id] = now;
        return Task.Run(() => WriteAsync(key, now));
    }

    private async Task WriteAsync(ApiKeyRecord key, DateTimeOffset at)
    {
        try
        {
            await DatabaseDeadline.WithinAsync(token => keys.TouchAsync(key.Id, at, token), WriteTimeout, time, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogNotRecorded(logger, key.KeyId, e.Message);
        }
    }

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "The last use of API key {KeyId} was not recorded ({Failure}); it is tried again on its next use after a minute")]
    private static partial void LogNotRecorded(ILogger logger, string keyId, string failure);
}
