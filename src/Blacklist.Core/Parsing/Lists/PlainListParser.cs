using System.Text;
using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Core.Parsing.Text;

namespace Blacklist.Core.Parsing.Lists;

/// <summary>One address, CIDR, range or address/netmask per line; whatever follows the address is ignored.</summary>
internal sealed class PlainListParser(Encoding encoding) : AddressListParser(encoding)
{
    protected override Observation Describe(IpRange range, int lineNumber, ReadOnlySpan<byte> rest, LineContext context, out string? problem)
    {
        problem = null;
        return new Observation(range) { LineNumber = lineNumber };
    }
}
