using Blacklist.Core.Addresses;

namespace Blacklist.Server.Push;

/// <summary>Entries as the FortiGate feed writes them: an address alone, an exact CIDR block as a/n, else first-last.</summary>
internal static class FortiGateEntries
{
    public static List<string> Of(IEnumerable<IpRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var entries = new List<string>();
        Span<char> text = stackalloc char[IpFormat.MaxRangeChars];
        foreach (var range in ranges)
        {
            var n = IpFormat.FormatRange(range, text, RangeStyle.Natural);
            entries.Add(new string(text[..n]));
        }

        return entries;
    }
}
