using Blacklist.Core.Addresses;

namespace Blacklist.Core.Rendering;

/// <summary>
/// The renderer of each <see cref="ListFormat"/> and the `?format=` names (case-insensitive).
/// </summary>
/// <remarks>
/// Which formats carry comments (all `#`): ipset and nft always have a header (name, version,
/// time, counts); plain, cidr and range get a header only when a cap dropped entries, so a full
/// list stays a bare list; EDL notes a cap after its first entry (PAN-OS documents comments only
/// after an entry on the same line); FortiGate never (FortiOS counts every line as an entry); JSON
/// has the <c>total_before_cap</c> field; CSV has no comment syntax.
/// </remarks>
public static class ListRenderers
{
    private static readonly IListRenderer[] Renderers =
    [
        new CidrListRenderer(ListFormat.Plain, CidrLineStyle.Plain),
        new CidrListRenderer(ListFormat.Cidr, CidrLineStyle.Cidr),
        new RangeListRenderer(ListFormat.Range, RangeStyle.AddressOrFirstLast, CapNotice.HeaderComment),
        new RangeListRenderer(ListFormat.FortiGate, RangeStyle.Natural, CapNotice.None),
        new RangeListRenderer(ListFormat.Edl, RangeStyle.Natural, CapNotice.TrailingComment),
        new IpsetRenderer(),
        new NftRenderer(),
        new JsonRenderer(),
        new CsvRenderer(),
    ];

    private static readonly (string Name, ListFormat Format)[] Names =
    [
        ("plain", ListFormat.Plain),
        ("txt", ListFormat.Plain),
        ("cidr", ListFormat.Cidr),
        ("range", ListFormat.Range),
        ("ranges", ListFormat.Range),
        ("fortigate", ListFormat.FortiGate),
        ("edl", ListFormat.Edl),
        ("paloalto", ListFormat.Edl),
        ("ipset", ListFormat.Ipset),
        ("nft", ListFormat.Nft),
        ("nftables", ListFormat.Nft),
        ("json", ListFormat.Json),
        ("csv", ListFormat.Csv),
    ];

    /// <summary>Every accepted format name, canonical names first in each group, for help and error messages.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = Array.AsReadOnly(Names.Select(n => n.Name).ToArray());

    public static IListRenderer For(ListFormat format)
    {
        foreach (var renderer in Renderers)
        {
            if (renderer.Format == format)
            {
                return renderer;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(format), format, $"No renderer for format {format}.");
    }

    /// <summary>Reads a `?format=` value (case-insensitive, surrounding spaces ignored). Numbers are not format names.</summary>
    public static bool TryParseFormat(string? text, out ListFormat format)
    {
        var name = text.AsSpan().Trim();
        foreach (var (candidate, value) in Names)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                format = value;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>The canonical (first) name of a format: "plain", "cidr", "range", "fortigate", "edl", "ipset", "nft", "json", "csv".</summary>
    public static string NameOf(ListFormat format)
    {
        foreach (var (name, value) in Names)
        {
            if (value == format)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(format), format, $"No name for format {format}.");
    }

    /// <summary>
    /// The number of entries the format writes for <paramref name="set"/>: CIDR blocks of the minimal
    /// cover for plain, cidr and ipset (where a /0 counts as two /1), merged ranges for the others.
    /// This is the unit a device limit and <see cref="RenderInput.TotalBeforeCap"/> are counted in.
    /// </summary>
    public static long CountEntries(ListFormat format, IpSet set) => format switch
    {
        ListFormat.Plain => CidrLines.Count(set.V4, CidrLineStyle.Plain) + CidrLines.Count(set.V6, CidrLineStyle.Plain),
        ListFormat.Cidr => CidrLines.Count(set.V4, CidrLineStyle.Cidr) + CidrLines.Count(set.V6, CidrLineStyle.Cidr),
        ListFormat.Ipset => CidrLines.Count(set.V4, CidrLineStyle.HashNet) + CidrLines.Count(set.V6, CidrLineStyle.HashNet),
        _ => set.RangeCount,
    };
}
