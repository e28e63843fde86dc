using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Blacklist.Server.Security;

/// <summary>X-Forwarded-For/Proto are believed only from Blacklist:Access:TrustedProxies (addresses or CIDRs); by default from no one.</summary>
internal static class ForwardedHeadersSetup
{
    public static void Configure(ForwardedHeadersOptions options, AccessOptions access)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();

        // Empty known lists would mean "trust every peer", so without trusted proxies nothing is forwarded.
        options.ForwardedHeaders = access.TrustedProxies.Any(e => !string.IsNullOrWhiteSpace(e))
            ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
            : ForwardedHeaders.None;
        foreach (var entry in access.TrustedProxies.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()))
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else
            {
                throw new InvalidOperationException($"{AccessOptions.Section}:TrustedProxies: '{entry}' is not an address or CIDR network.");
            }
        }
    }
}
