using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Blacklist.Server.Security;

/// <summary>X-Forwarded-For/Proto are believed only from Blacklist:Access:TrustedProxies (addresses or CIDRs); by default from no one.</summary>
internal static class ForwardedHeadersSetup
{
    public static void Configure(ForwardedHeadersOptions options, AccessOptions access)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
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
