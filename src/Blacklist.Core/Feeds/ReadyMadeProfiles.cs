using Blacklist.Core.Rendering;

namespace Blacklist.Core.Feeds;

/// <summary>
/// Profiles for common devices, served without any configuration (a configured profile of the same
/// name overrides one): FortiGate external threat feeds (131,072 entries per feed before FortiOS
/// 7.4.4, 300,000 across feeds after), Palo Alto EDLs (50,000 or 150,000 by model, a range counts
/// as one entry) and ipset hash:net at its default maxelem (65,536).
/// </summary>
public static class ReadyMadeProfiles
{
    public static IReadOnlyList<FeedProfile> All { get; } =
    [
        new("fortigate-128k", ListFormat.FortiGate) { MaxEntries = 131_072 },
        new("fortigate-300k", ListFormat.FortiGate) { MaxEntries = 300_000 },
        new("paloalto-50k", ListFormat.Edl) { MaxEntries = 50_000 },
        new("paloalto-150k", ListFormat.Edl) { MaxEntries = 150_000 },
        new("ipset-65536", ListFormat.Ipset) { MaxEntries = 65_536 },
    ];
}
