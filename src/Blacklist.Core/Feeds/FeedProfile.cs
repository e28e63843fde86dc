using Blacklist.Core.Rendering;

namespace Blacklist.Core.Feeds;

/// <summary>
/// What one device's feed holds: which indicators (sources, categories, minimum confidence,
/// family), what is taken out (allowlist, reserved ranges), the format and the entry limit.
/// </summary>
public sealed record FeedProfile(string Name, ListFormat Format)
{
    /// <summary>Sources whose indicators are served (case-sensitive names); empty serves every source.</summary>
    public IReadOnlySet<string> Sources { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Categories served (case-insensitive); empty serves every category, including none.</summary>
    public IReadOnlySet<string> Categories { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Indicators below this confidence (0-100) are left out.</summary>
    public int MinConfidence { get; init; }

    public FeedFamily Family { get; init; } = FeedFamily.Any;

    /// <summary>The device's entry limit, counted in the format's unit (<see cref="ListRenderers.CountEntries"/>); null for none.</summary>
    public int? MaxEntries { get; init; }

    /// <summary>Serve reserved ranges (loopback, RFC 1918 …); null follows the snapshot's setting.</summary>
    public bool? ServeReserved { get; init; }

    /// <summary>Serve allowlisted addresses too. Off by default: the allowlist wins over every source.</summary>
    public bool IgnoreAllowlist { get; init; }

    /// <summary>True when the profile takes every active indicator as the snapshot does.</summary>
    internal bool SelectsEverything(bool snapshotServesReserved)
        => Sources.Count == 0 && Categories.Count == 0 && MinConfidence <= 0 && Family == FeedFamily.Any
            && !IgnoreAllowlist && (ServeReserved ?? snapshotServesReserved) == snapshotServesReserved;
}
