using System.Text;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Rendering;

/// <summary>
/// The ipset and nftables set names a list is loaded into, derived from <see cref="RenderInput.Name"/>:
/// letters, digits, '_' and '-' only, starting with a letter, short enough for ipset's 31-byte limit
/// with the longest suffix ("-v6-tmp"). Longer names are cut, so keep profile names distinct in their
/// first <see cref="MaxBaseLength"/> characters.
/// </summary>
public static class FirewallSetNames
{
    /// <summary>ipset allows 31 bytes; "-v6-tmp" takes 7 of them.</summary>
    public const int MaxBaseLength = 24;

    /// <summary>The nftables table (family inet) that holds every list's sets.</summary>
    public const string NftTable = "blacklist";

    /// <summary>The name every other name is built from.</summary>
    public static string Base(string? listName)
    {
        var text = new StringBuilder(listName?.Length ?? 0);
        foreach (var c in listName ?? string.Empty)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        var name = text.ToString().Trim('_', '-');
        if (name.Length == 0)
        {
            name = "blacklist";
        }
        else if (!char.IsAsciiLetter(name[0]))
        {
            name = "bl_" + name; // ipset and nft both want a leading letter
        }

        return name.Length > MaxBaseLength ? name[..MaxBaseLength] : name;
    }

    /// <summary>The live ipset set: the base name for IPv4, "base-v6" for IPv6.</summary>
    public static string Ipset(string? listName, IpFamily family)
        => family == IpFamily.V4 ? Base(listName) : Base(listName) + "-v6";

    /// <summary>The set an ipset load fills before it is swapped in.</summary>
    public static string IpsetTemporary(string? listName, IpFamily family) => Ipset(listName, family) + "-tmp";

    /// <summary>The nftables interval set in table inet <see cref="NftTable"/>: "base-v4" or "base-v6".</summary>
    public static string Nft(string? listName, IpFamily family)
        => Base(listName) + (family == IpFamily.V4 ? "-v4" : "-v6");
}
