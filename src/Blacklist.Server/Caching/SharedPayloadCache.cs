using Blacklist.Core.Rendering;
using Blacklist.Core.Snapshots;
using Blacklist.Server.Observability;
using Blacklist.Server.Snapshots;
using StackExchange.Redis;

namespace Blacklist.Server.Caching;

/// <summary>
/// Rendered lists shared between replicas through Redis, keyed by format and
/// <see cref="SnapshotFingerprint"/>: a replica that reaches a version another replica rendered
/// already takes its bytes instead of rendering and compressing again. Only the render path asks
/// (once per format and snapshot); requests are served from memory. Any Redis failure means "render
/// here": a request never fails or waits because of Redis.
/// </summary>
internal sealed partial class SharedPayloadCache(SharedCacheConnection redis, ILogger<SharedPayloadCache> logger)
{
    public const string Hit = "redis_hit";
    public const string Miss = "redis_miss";

    public async Task<RenderedPayload> GetOrRenderAsync(BlocklistSnapshot snapshot, Func<ulong> fingerprint, ListFormat format, Func<RenderedPayload> render)
    {
        if (redis.Database is not { } database)
        {
            return render();
        }

        // Keyed by content, not version: after an expiry two replicas can briefly hold one version with different content.
        var key = redis.Key($"payload:{ListRenderers.NameOf(format)}:{fingerprint():x16}");
        try
        {
            var stored = await database.StringGetAsync(key);
            if (!stored.IsNull && PayloadFrame.TryDecode(((ReadOnlyMemory<byte>)stored).Span, format, snapshot.Version) is { } shared)
            {
                BlacklistMetrics.CacheRequests.WithLabels(Hit).Inc();
                return shared;
            }
        }
        catch (Exception ex)
        {
            LogReadFailed(logger, ListRenderers.NameOf(format), snapshot.Version, ex.GetType().Name);
            return render();
        }

        BlacklistMetrics.CacheRequests.WithLabels(Miss).Inc();
        var rendered = render();
        _ = Task.Run(() => StoreAsync(database, key, rendered, format));
        return rendered;
    }

    private async Task StoreAsync(IDatabase database, RedisKey key, RenderedPayload payload, ListFormat format)
    {
        try
        {
            await database.StringSetAsync(key, PayloadFrame.Encode(payload), redis.Options.PayloadTtl, When.Always);
        }
        catch (Exception ex)
        {
            // Another replica renders for itself then; nothing is lost.
            LogWriteFailed(logger, ListRenderers.NameOf(format), ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Reading the {Format} list of snapshot {Version} from Redis failed ({Kind}); rendered here instead")]
    private static partial void LogReadFailed(ILogger logger, string format, long version, string kind);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning, Message = "Storing the rendered {Format} list in Redis failed ({Kind}); other replicas render it themselves")]
    private static partial void LogWriteFailed(ILogger logger, string format, string kind);
}
