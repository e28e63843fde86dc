using Microsoft.Extensions.Options;

namespace Blacklist.Server.Security;

/// <summary>The configured networks, parsed once (a bad entry stops start-up with the setting named).</summary>
internal sealed class AccessNetworks(IOptions<AccessOptions> options)
{
    public NetworkList AnonymousFeeds { get; } = NetworkList.Parse(options.Value.AnonymousFeedNetworks ?? AccessOptions.LoopbackNetworks, $"{AccessOptions.Section}:AnonymousFeedNetworks");

    public NetworkList Metrics { get; } = NetworkList.Parse(options.Value.MetricsNetworks, $"{AccessOptions.Section}:MetricsNetworks");
}
