namespace Blacklist.Server.Feeds;

/// <summary>One feed profile as configured under <c>Blacklist:Feeds:{name}</c>.</summary>
internal sealed class FeedProfileSettings
{
    /// <summary>plain, cidr, range, fortigate, edl, ipset, nft, json or csv.</summary>
    public string? Format { get; set; }

    /// <summary>Source names whose indicators are served; empty serves all.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>Categories served (case-insensitive); empty serves all.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>0-100: indicators with a lower confidence are left out.</summary>
    public int MinConfidence { get; set; }

    /// <summary>any, ipv4 or ipv6.</summary>
    public string Family { get; set; } = "any";

    /// <summary>The device's entry limit (in the format's unit); unset for none.</summary>
    public int? MaxEntries { get; set; }

    /// <summary>Serve reserved ranges; unset follows Blacklist:Snapshot:ServeReserved.</summary>
    public bool? ServeReserved { get; set; }

    /// <summary>Serve allowlisted addresses too (default false: the allowlist always applies).</summary>
    public bool IgnoreAllowlist { get; set; }

    /// <summary>Who may pull the feed; enforced by the authentication layer.</summary>
    public FeedAccessSettings Access { get; set; } = new();
}
