namespace Blacklist.Server.Feeds;

/// <summary>
/// Who may pull one feed (<c>Blacklist:Feeds:{name}:Access</c>): API key names (bearer token or
/// HTTP basic) and client CIDRs allowed without a key. Empty lists leave the feed under the
/// "reader" role only. Enforced by the authentication layer; validated here.
/// </summary>
internal sealed class FeedAccessSettings
{
    /// <summary>Names of API keys allowed to pull this feed.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>Client networks (CIDR, range or address) allowed to pull this feed anonymously.</summary>
    public List<string> Cidrs { get; set; } = [];
}
