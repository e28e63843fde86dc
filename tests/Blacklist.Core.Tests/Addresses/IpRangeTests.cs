using System.Net;
using System.Numerics;
using Blacklist.Core.Addresses;
using static Blacklist.Core.Tests.Addresses.TestAddresses;

namespace Blacklist.Core.Tests.Addresses;

public sealed class IpRangeTests
{
    [Theory]
    [InlineData("0.0.0.0", "255.255.255.255", 0)]
    [InlineData("128.0.0.0", "255.255.255.255", 1)]
    [InlineData("0.0.0.0", "127.255.255.255", 1)]
    [InlineData("10.0.0.0", "10.0.0.255", 24)]
    [InlineData("10.0.0.4", "10.0.0.7", 30)]
    [InlineData("10.0.0.7", "10.0.0.7", 32)]
    [InlineData("255.255.255.255", "255.255.255.255", 32)]
    [InlineData("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 0)]
    [InlineData("8000::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 1)]
    [InlineData("2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", 32)]
    [InlineData("2001:db8::1", "2001:db8::1", 128)]
    [InlineData("::", "::", 128)]
    public void PrefixLength_of_an_exact_block(string first, string last, int prefix)
        => Range(first, last).PrefixLength.ShouldBe(prefix);

    [Theory]
    [InlineData("10.0.0.1", "10.0.1.0")] // 256 addresses, not aligned
    [InlineData("10.0.0.0", "10.0.0.2")] // not a power of two
    [InlineData("0.0.0.1", "255.255.255.255")]
    [InlineData("0.0.0.0", "255.255.255.254")]
    [InlineData("::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe")]
    [InlineData("2001:db8::8", "2001:db8::17")]
    public void PrefixLength_is_null_for_anything_else(string first, string last)
        => Range(first, last).PrefixLength.ShouldBeNull();

    [Fact]
    public void AddressCount_is_exact_up_to_the_whole_ipv6_space()
    {
        Range("0.0.0.0", "255.255.255.255").AddressCount.ShouldBe(BigInteger.One << 32);
        Range("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").AddressCount.ShouldBe(BigInteger.One << 128);
        Single("::").AddressCount.ShouldBe(BigInteger.One);
    }

    [Theory]
    [InlineData(IpFamily.V4, "10.1.2.3", 8, "10.0.0.0", "10.255.255.255")]
    [InlineData(IpFamily.V4, "10.1.2.3", 0, "0.0.0.0", "255.255.255.255")]
    [InlineData(IpFamily.V4, "10.1.2.3", 32, "10.1.2.3", "10.1.2.3")]
    [InlineData(IpFamily.V6, "2001:db8::1234", 64, "2001:db8::", "2001:db8::ffff:ffff:ffff:ffff")]
    [InlineData(IpFamily.V6, "2001:db8::1234", 0, "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void FromCidr_masks_host_bits(IpFamily family, string address, int prefix, string first, string last)
        => IpRange.FromCidr(family, Number(address), prefix).ShouldBe(Range(first, last));

    [Fact]
    public void FromCidr_rejects_prefixes_outside_the_family()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => IpRange.FromCidr(IpFamily.V4, 0, 33));
        Should.Throw<ArgumentOutOfRangeException>(() => IpRange.FromCidr(IpFamily.V6, 0, 129));
        Should.Throw<ArgumentOutOfRangeException>(() => IpRange.FromCidr(IpFamily.V4, 0, -1));
    }

    [Fact]
    public void The_constructor_rejects_reversed_and_oversized_ranges()
    {
        Should.Throw<ArgumentException>(() => IpRange.V4(2, 1)).Message.ShouldContain("after its end");
        Should.Throw<ArgumentOutOfRangeException>(() => new IpRange(IpFamily.V4, 0, (UInt128)uint.MaxValue + 1)).Message.ShouldContain("V4");
        Should.Throw<ArgumentOutOfRangeException>(() => new IpRange((IpFamily)5, 0, 0)).Message.ShouldContain("IpFamily.V4");
    }

    [Fact]
    public void Ipv4_mapped_ipv6_becomes_ipv4()
    {
        IpRange.FromAddress(IPAddress.Parse("::ffff:192.0.2.1")).ShouldBe(IpRange.V4(0xC0000201));
        IpRange.ToNumber(IPAddress.Parse("192.0.2.1")).ShouldBe((IpFamily.V4, (UInt128)0xC0000201));
        IpRange.ToNumber(IPAddress.Parse("::192.0.2.1")).Family.ShouldBe(IpFamily.V6); // IPv4-compatible is not mapped
    }

    [Fact]
    public void Addresses_convert_back_to_IPAddress()
    {
        var range = Range("2001:db8::1", "2001:db8::ff");
        range.FirstAddress.ShouldBe(IPAddress.Parse("2001:db8::1"));
        range.LastAddress.ShouldBe(IPAddress.Parse("2001:db8::ff"));
        Single("203.0.113.9").FirstAddress.ShouldBe(IPAddress.Parse("203.0.113.9"));
    }

    [Fact]
    public void Ranges_order_by_family_then_first_then_last()
    {
        var sorted = new[] { Single("::1"), Range("10.0.0.0", "10.0.0.9"), Single("10.0.0.0"), Single("9.0.0.0") }.Order().ToList();
        sorted.ShouldBe([Single("9.0.0.0"), Single("10.0.0.0"), Range("10.0.0.0", "10.0.0.9"), Single("::1")]);
        (Single("9.0.0.0") < Single("::")).ShouldBeTrue();
    }

    [Fact]
    public void Contains_and_Overlaps_respect_the_family()
    {
        var v4 = Range("0.0.0.0", "0.0.0.255");
        var v6 = Range("::", "::ff");
        v4.Overlaps(v6).ShouldBeFalse();
        v4.Contains(Single("0.0.0.9")).ShouldBeTrue();
        v4.Contains(Single("::9")).ShouldBeFalse();
        v4.Overlaps(Range("0.0.0.255", "0.0.1.0")).ShouldBeTrue();
        v4.Overlaps(Range("0.0.1.0", "0.0.1.0")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1", "10.0.0.1")]
    [InlineData("10.0.0.0", "10.0.0.255", "10.0.0.0/24")]
    [InlineData("10.0.0.1", "10.0.0.2", "10.0.0.1-10.0.0.2")]
    [InlineData("2001:db8::", "2001:db8::ffff", "2001:db8::/112")]
    public void ToString_is_the_natural_form(string first, string last, string expected)
        => Range(first, last).ToString().ShouldBe(expected);
}
