using System.Net;
using Blacklist.Core.Addresses;
using Blacklist.Core.Snapshots;

namespace Blacklist.Core.Tests.Snapshots;

public sealed class ReservedRangesTests
{
    [Theory]
    [InlineData("0.1.2.3")]
    [InlineData("10.20.30.40")]
    [InlineData("100.64.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.1.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.2.7")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.255")]
    [InlineData("198.51.100.1")]
    [InlineData("203.0.113.200")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("2001:db8::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    public void Special_purpose_addresses_are_reserved(string address)
    {
        var (family, value) = IpRange.ToNumber(IPAddress.Parse(address));
        ReservedRanges.Find(family, value).ShouldNotBeNull();
        ReservedRanges.Set.Contains(family, value).ShouldBeTrue();
    }

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("8.8.8.8")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.32.0.0")]
    [InlineData("198.20.0.0")]
    [InlineData("223.255.255.255")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2a00:1450::1")]
    public void Ordinary_addresses_are_not_reserved(string address)
    {
        var (family, value) = IpRange.ToNumber(IPAddress.Parse(address));
        ReservedRanges.Find(family, value).ShouldBeNull();
        ReservedRanges.Set.Contains(family, value).ShouldBeFalse();
    }

    [Fact]
    public void The_ipv4_mapped_block_stays_ipv6_and_does_not_swallow_ipv4()
    {
        var mapped = ReservedRanges.All.Single(r => r.Name.StartsWith("IPv4-mapped", StringComparison.Ordinal));
        mapped.Range.Family.ShouldBe(IpFamily.V6);
        mapped.Range.PrefixLength.ShouldBe(96);
        ReservedRanges.Set.AddressCount(IpFamily.V4).ShouldBeLessThan(1L << 30);
    }
}
