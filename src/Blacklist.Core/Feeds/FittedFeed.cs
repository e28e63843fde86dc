using Blacklist.Core.Addresses;

namespace Blacklist.Core.Feeds;

/// <summary>A profile's list for one snapshot: what is served and how much had to be dropped to fit.</summary>
/// <param name="Set">The served addresses.</param>
/// <param name="TotalEntries">Entries before the cap, in the format's unit.</param>
/// <param name="ServedEntries">Entries served (at most the profile's limit).</param>
public sealed record FittedFeed(IpSet Set, long TotalEntries, long ServedEntries)
{
    public long DroppedEntries => TotalEntries - ServedEntries;

    public bool Capped => ServedEntries < TotalEntries;
}
