using Blacklist.Core.Feeds;

namespace Blacklist.Server.Feeds;

/// <summary>Every profile's feed for one snapshot version, with the delta from the previous generation.</summary>
internal sealed record FeedGeneration(long Version, IReadOnlyDictionary<string, PublishedFeed> Feeds, IReadOnlyDictionary<string, SetDelta> Deltas);
