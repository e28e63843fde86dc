namespace Blacklist.Core.Feeds;

/// <summary>Which address families a feed profile serves.</summary>
public enum FeedFamily
{
    Any,
    IPv4,
    IPv6,
}
