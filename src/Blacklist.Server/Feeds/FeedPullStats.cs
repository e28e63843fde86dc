using System.Collections.Concurrent;
using Blacklist.Server.Observability;

namespace Blacklist.Server.Feeds;

/// <summary>
/// Who pulls which feed: per feed and client address, the last pull, the count and the last ETag
/// served, so an operator sees a firewall that stopped pulling. Bounded: past
/// <see cref="MaxClients"/> pairs, the longest-silent pair is forgotten.
/// </summary>
internal sealed class FeedPullStats(TimeProvider time)
{
    public const int MaxClients = 10_000;

    private readonly ConcurrentDictionary<(string Feed, string Client), FeedPull> _pulls = new();

    public void Record(string feed, string client, string? etag)
    {
        var now = time.GetUtcNow();
        _pulls.AddOrUpdate(
            (feed, client),
            static (key, state) => new FeedPull(key.Feed, key.Client, state.now, 1, state.etag),
            static (_, old, state) => old with { LastPull = state.now, Count = old.Count + 1, LastETag = state.etag ?? old.LastETag },
            (now, etag));
        BlacklistMetrics.FeedPulls.WithLabels(feed).Inc();
        if (_pulls.Count > MaxClients)
        {
            var oldest = _pulls.Values.MinBy(p => p.LastPull);
            if (oldest is not null)
            {
                _pulls.TryRemove((oldest.Feed, oldest.Client), out _);
            }
        }
    }

    public IReadOnlyList<FeedPull> List()
        => [.. _pulls.Values.OrderBy(p => p.Feed, StringComparer.Ordinal).ThenByDescending(p => p.LastPull)];
}
