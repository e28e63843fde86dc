using System.Net;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Tests.Addresses;

/// <summary>Address literals for tests, read by the framework's parser so the code under test is not its own oracle.</summary>
internal static class TestAddresses
{
    public static UInt128 Number(string address) => IpRange.ToNumber(IPAddress.Parse(address)).Value;

    public static IpRange Range(string first, string last)
    {
        var (family, start) = IpRange.ToNumber(IPAddress.Parse(first));
        return new IpRange(family, start, Number(last));
    }

    public static IpRange Single(string address) => IpRange.FromAddress(IPAddress.Parse(address));
}
