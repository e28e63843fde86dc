using System.ComponentModel.DataAnnotations;

namespace Blacklist.Server.Snapshots;

/// <summary>How lists are rendered for devices (section <c>Blacklist:Lists</c>).</summary>
internal sealed class ListOptions
{
    public const string Section = "Blacklist:Lists";

    /// <summary>
    /// Entries in <c>/api/fortigate</c> at most; FortiOS caps an external IP threat feed at 131,072 entries
    /// on most models (check your model's "maximum values table"). The strongest entries are kept.
    /// </summary>
    [Range(1, 10_000_000, ErrorMessage = "Blacklist:Lists:FortiGateMaxEntries must be between 1 and 10000000.")]
    public int FortiGateMaxEntries { get; set; } = 131_072;

    /// <summary>Brotli quality (0-11) for the pre-compressed bodies; 5 keeps a 14 MB list well under a second.</summary>
    [Range(0, 11, ErrorMessage = "Blacklist:Lists:BrotliQuality must be between 0 and 11.")]
    public int BrotliQuality { get; set; } = 5;
}
