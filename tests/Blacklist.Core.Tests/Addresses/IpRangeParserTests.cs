using System.Text;
using Blacklist.Core.Addresses;
using static Blacklist.Core.Tests.Addresses.TestAddresses;

namespace Blacklist.Core.Tests.Addresses;

public sealed class IpRangeParserTests
{
    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1", "192.0.2.1")]
    [InlineData("0.0.0.0", "0.0.0.0", "0.0.0.0")]
    [InlineData("255.255.255.255", "255.255.255.255", "255.255.255.255")]
    [InlineData("192.0.2.0/24", "192.0.2.0", "192.0.2.255")]
    [InlineData("192.0.2.7/32", "192.0.2.7", "192.0.2.7")]
    [InlineData("0.0.0.0/0", "0.0.0.0", "255.255.255.255")]
    [InlineData("192.0.2.0/255.255.255.0", "192.0.2.0", "192.0.2.255")]
    [InlineData("10.0.0.0/255.0.0.0", "10.0.0.0", "10.255.255.255")]
    [InlineData("0.0.0.0/0.0.0.0", "0.0.0.0", "255.255.255.255")]
    [InlineData("192.0.2.1-192.0.2.9", "192.0.2.1", "192.0.2.9")]
    [InlineData("192.0.2.1 - 192.0.2.9", "192.0.2.1", "192.0.2.9")]
    [InlineData("192.0.2.1\t-\t192.0.2.9", "192.0.2.1", "192.0.2.9")]
    [InlineData("192.0.2.1-192.0.2.1", "192.0.2.1", "192.0.2.1")]
    [InlineData("  192.0.2.1\t", "192.0.2.1", "192.0.2.1")]
    [InlineData("\t 192.0.2.1 \t", "192.0.2.1", "192.0.2.1")]
    [InlineData("2001:db8::1", "2001:db8::1", "2001:db8::1")]
    [InlineData("2001:DB8::A", "2001:db8::a", "2001:db8::a")]
    [InlineData("2001:db8::/32", "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("::/0", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("::1/128", "::1", "::1")]
    [InlineData("2001:db8::1-2001:db8::ff", "2001:db8::1", "2001:db8::ff")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1", "192.0.2.1")]
    [InlineData("::ffff:c000:201", "192.0.2.1", "192.0.2.1")]
    [InlineData("::FFFF:192.0.2.1", "192.0.2.1", "192.0.2.1")]
    [InlineData("::ffff:192.0.2.0/120", "192.0.2.0", "192.0.2.255")]
    [InlineData("::ffff:0.0.0.0/96", "0.0.0.0", "255.255.255.255")]
    [InlineData("::ffff:192.0.2.1-::ffff:192.0.2.9", "192.0.2.1", "192.0.2.9")]
    [InlineData("::192.0.2.1", "::c000:201", "::c000:201")] // IPv4-compatible (deprecated) stays IPv6
    public void Accepts_every_documented_form(string input, string first, string last)
    {
        var expected = Range(first, last);
        foreach (var result in new[] { IpRangeParser.Parse(input), IpRangeParser.Parse(Encoding.ASCII.GetBytes(input)) })
        {
            result.Error.ShouldBeNull();
            result.Success.ShouldBeTrue();
            result.Range.ShouldBe(expected);
            result.Warning.ShouldBeNull();
        }
    }

    [Theory]
    [InlineData("192.0.2.77/24", "192.0.2.0/24")]
    [InlineData("10.1.2.3/255.0.0.0", "10.0.0.0/8")]
    [InlineData("2001:db8::1/64", "2001:db8::/64")]
    [InlineData("::ffff:192.0.2.77/120", "192.0.2.0/24")]
    public void Host_bits_are_masked_off_with_a_warning(string input, string masked)
    {
        var result = IpRangeParser.Parse(input);
        result.Success.ShouldBeTrue();
        result.Range.ToString().ShouldBe(masked);
        result.Warning.ShouldNotBeNull();
        result.Warning.ShouldContain(input);
        result.Warning.ShouldContain("host bits");
        result.Warning.ShouldContain(masked);
    }

    [Theory]
    [InlineData("", "expected an address")]
    [InlineData("   ", "expected an address")]
    [InlineData("hello", "e.g. 192.0.2.1")]
    [InlineData("192.0.2", "four numbers")]
    [InlineData("192.0.2.1.5", "four numbers")]
    [InlineData("192.0.2.256", "over 255")]
    [InlineData("192.0.2.1000", "over 255")]
    [InlineData("192.0.02.1", "leading zero")]
    [InlineData("192..2.1", "empty")]
    [InlineData("192.0.2.1 extra", "e.g. 192.0.2.1")]
    [InlineData("192.0.2.0/33", "0 to 32")]
    [InlineData("2001:db8::/129", "0 to 128")]
    [InlineData("::ffff:192.0.2.0/64", "96 to 128")]
    [InlineData("192.0.2.0/255.0.255.0", "255.255.255.0")]
    [InlineData("192.0.2.0/abc", "prefix length")]
    [InlineData("192.0.2.0/", "prefix length")]
    [InlineData("192.0.2.0/24/8", "prefix length")]
    [InlineData("2001:db8::/ffff:ffff::", "prefix length")]
    [InlineData("192.0.2.9-192.0.2.1", "lower address first")]
    [InlineData("192.0.2.1-2001:db8::1", "one family")]
    [InlineData("192.0.2.1-", "expected an address")]
    [InlineData("-192.0.2.1", "expected an address")]
    [InlineData("192.0.2.1-hello", "e.g. 192.0.2.1")]
    [InlineData("fe80::1%eth0", "remove")]
    [InlineData("2001:db8:::1", "at most one '::'")]
    [InlineData("2001:db8::g", "hex digits")]
    [InlineData("1:2:3:4:5:6:7:8:9", "eight groups")]
    [InlineData("[2001:db8::1]", "hex digits")]
    public void Rejects_bad_input_saying_what_to_fix(string input, string hint)
    {
        foreach (var result in new[] { IpRangeParser.Parse(input), IpRangeParser.Parse(Encoding.ASCII.GetBytes(input)) })
        {
            result.Success.ShouldBeFalse();
            result.Error.ShouldNotBeNull();
            result.Error.ShouldContain(hint);
            if (!string.IsNullOrWhiteSpace(input))
            {
                result.Error.ShouldContain($"'{input.Trim()}'");
            }
        }
    }

    [Fact]
    public void Rejects_overlong_and_non_ascii_tokens()
    {
        var longToken = new string('1', IpRangeParser.MaxTokenLength + 1);
        IpRangeParser.Parse(longToken).Error.ShouldNotBeNull().ShouldContain("too long");
        IpRangeParser.Parse(Encoding.ASCII.GetBytes(longToken)).Error.ShouldNotBeNull().ShouldContain("too long");
        IpRangeParser.Parse("192.0.2.１").Error.ShouldNotBeNull().ShouldContain("non-ASCII");
        IpRangeParser.Parse(Encoding.UTF8.GetBytes("192.0.2.１")).Error.ShouldNotBeNull().ShouldContain("not an IP address");
    }

    [Theory]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("255.255.255.255", uint.MaxValue)]
    [InlineData("1.2.3.4", 0x01020304u)]
    public void TryParseV4_reads_strict_dotted_quads(string text, uint expected)
    {
        IpRangeParser.TryParseV4(Encoding.ASCII.GetBytes(text), out var value).ShouldBeTrue();
        value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3.256")]
    [InlineData("1.2.3.4 ")]
    [InlineData("1.2.3.-4")]
    [InlineData("1.2.3.0004")]
    [InlineData("::1")]
    public void TryParseV4_refuses_anything_else(string text)
        => IpRangeParser.TryParseV4(Encoding.ASCII.GetBytes(text), out _).ShouldBeFalse();

    [Fact]
    public void TryParseAddress_takes_one_address_only()
    {
        IpRangeParser.TryParseAddress("::ffff:10.0.0.1", out var family, out var value, out _).ShouldBeTrue();
        (family, value).ShouldBe((IpFamily.V4, (UInt128)0x0A000001));
        IpRangeParser.TryParseAddress("2001:db8::1"u8, out family, out value, out _).ShouldBeTrue();
        (family, value).ShouldBe((IpFamily.V6, Number("2001:db8::1")));

        IpRangeParser.TryParseAddress("10.0.0.0/32", out _, out _, out var error).ShouldBeFalse();
        error.ShouldContain("one address");
        IpRangeParser.TryParseAddress("10.0.0.1-10.0.0.1", out _, out _, out error).ShouldBeFalse();
        error.ShouldContain("one address");
        IpRangeParser.TryParseAddress("10.0.0.300", out _, out _, out error).ShouldBeFalse();
        error.ShouldContain("over 255");
    }
}
