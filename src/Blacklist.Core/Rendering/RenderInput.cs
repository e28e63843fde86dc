using Blacklist.Core.Addresses;

namespace Blacklist.Core.Rendering;

/// <summary>What a renderer writes: the set, and the facts that go in headers and comments.</summary>
public sealed record RenderInput(IpSet Set)
{
    /// <summary>The snapshot version the list comes from.</summary>
    public long Version { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>
    /// The list's name (feed profile or "active"), used for comments and, made safe by
    /// <see cref="FirewallSetNames"/>, for ipset/nft set names.
    /// </summary>
    public string Name { get; init; } = "blacklist";

    /// <summary>
    /// Entries before a cap dropped some (null when nothing was dropped), counted in the format's
    /// unit (<see cref="ListRenderers.CountEntries"/>).
    /// </summary>
    public long? TotalBeforeCap { get; init; }
}
