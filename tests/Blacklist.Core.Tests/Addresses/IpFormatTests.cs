using System.Net;
using System.Text;
using Blacklist.Core.Addresses;
using CsCheck;
using static Blacklist.Core.Tests.Addresses.TestAddresses;

namespace Blacklist.Core.Tests.Addresses;

public sealed class IpFormatTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.100.200")]
    [InlineData("1.20.100.0")]
    public void Ipv4_is_dotted_decimal_without_leading_zeros(string address)
        => Format(address).ShouldBe(address);

    [Fact]
    public void FormatV4_writes_every_octet_value_in_every_position_with_any_room()
    {
        Span<byte> roomy = stackalloc byte[64];
        Span<byte> exact = stackalloc byte[15];
        for (uint octet = 0; octet < 256; octet++)
        {
            foreach (var value in new[] { octet << 24, (octet << 16) | 0x0A000001, (octet << 8) | 0xC0000001, octet | 0xFFFFFF00, octet * 0x01010101 })
            {
                var expected = new IPAddress(BitConverter.IsLittleEndian ? System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value) : value).ToString();
                Encoding.ASCII.GetString(roomy[..IpFormat.FormatV4(value, roomy)]).ShouldBe(expected);
                Encoding.ASCII.GetString(exact[..IpFormat.FormatV4(value, exact[..expected.Length])]).ShouldBe(expected);
            }
        }
    }

    [Theory]
    [InlineData("::", "::")]
    [InlineData("0:0:0:0:0:0:0:0", "::")]
    [InlineData("::1", "::1")]
    [InlineData("1::", "1::")]
    [InlineData("1:0:0:0:0:0:0:0", "1::")]
    [InlineData("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("2001:DB8::ABCD", "2001:db8::abcd")]
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")] // one zero group stays
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")] // equal runs: the first is compressed
    [InlineData("2001:0:0:1:0:0:0:1", "2001:0:0:1::1")] // the longest run wins
    [InlineData("0:0:1:0:0:0:0:0", "0:0:1::")]
    [InlineData("1:0:0:2:0:0:3:4", "1::2:0:0:3:4")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("0:1:2:3:4:5:6:7", "0:1:2:3:4:5:6:7")]
    [InlineData("1:2:3:4:5:6:7:0", "1:2:3:4:5:6:7:0")]
    public void Ipv6_follows_rfc5952(string input, string expected)
        => Format(input).ShouldBe(expected);

    [Fact]
    public void Ipv6_agrees_with_IPAddress_wherever_the_framework_does_not_print_dotted_ipv4()
    {
        // Zero groups are frequent so that runs of every length and position come up.
        var group = Gen.Frequency((1, Gen.Const((ushort)0)), (1, Gen.UShort));
        group.Array[8].Sample(
            groups =>
            {
                var bytes = groups.SelectMany(g => new[] { (byte)(g >> 8), (byte)g }).ToArray();
                var expected = new IPAddress(bytes).ToString();
                if (!expected.Contains('.', StringComparison.Ordinal))
                {
                    Format(expected).ShouldBe(expected);
                }
            },
            iter: 5000);
    }

    [Fact]
    public void Utf8_and_utf16_forms_are_the_same_text()
    {
        var range = IpRange.V6(Number("2001:db8::"), Number("2001:db8::ff"));
        Span<byte> utf8 = stackalloc byte[IpFormat.MaxRangeChars];
        Span<char> utf16 = stackalloc char[IpFormat.MaxRangeChars];
        foreach (var style in Enum.GetValues<RangeStyle>())
        {
            var bytes = IpFormat.FormatRange(range, utf8, style);
            var chars = IpFormat.FormatRange(range, utf16, style);
            Encoding.ASCII.GetString(utf8[..bytes]).ShouldBe(utf16[..chars].ToString());
        }
    }

    [Theory]
    [InlineData("10.0.0.0", "10.0.0.255", RangeStyle.Natural, "10.0.0.0/24")]
    [InlineData("10.0.0.1", "10.0.0.1", RangeStyle.Natural, "10.0.0.1")]
    [InlineData("10.0.0.1", "10.0.0.9", RangeStyle.Natural, "10.0.0.1-10.0.0.9")]
    [InlineData("10.0.0.1", "10.0.0.1", RangeStyle.FirstLast, "10.0.0.1-10.0.0.1")]
    [InlineData("10.0.0.0", "10.0.0.255", RangeStyle.FirstLast, "10.0.0.0-10.0.0.255")]
    [InlineData("10.0.0.1", "10.0.0.1", RangeStyle.AddressOrFirstLast, "10.0.0.1")]
    [InlineData("10.0.0.0", "10.0.0.255", RangeStyle.AddressOrFirstLast, "10.0.0.0-10.0.0.255")]
    [InlineData("0.0.0.0", "255.255.255.255", RangeStyle.Natural, "0.0.0.0/0")]
    [InlineData("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", RangeStyle.Natural, "::/0")]
    [InlineData("2001:db8::", "2001:db8::ffff", RangeStyle.Natural, "2001:db8::/112")]
    [InlineData("2001:db8::1", "2001:db8::1", RangeStyle.Natural, "2001:db8::1")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", RangeStyle.FirstLast,
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void Ranges_are_written_in_the_chosen_style(string first, string last, RangeStyle style, string expected)
    {
        var range = TestAddresses.Range(first, last);
        Span<char> buffer = stackalloc char[IpFormat.MaxRangeChars];
        buffer[..IpFormat.FormatRange(range, buffer, style)].ToString().ShouldBe(expected);
    }

    [Fact]
    public void Cidr_blocks_are_written_as_address_slash_prefix()
    {
        Span<byte> buffer = stackalloc byte[IpFormat.MaxRangeChars];
        Encoding.ASCII.GetString(buffer[..IpFormat.FormatCidr(IpFamily.V4, Number("192.0.2.0"), 24, buffer)]).ShouldBe("192.0.2.0/24");
        Encoding.ASCII.GetString(buffer[..IpFormat.FormatCidr(IpFamily.V4, Number("192.0.2.7"), 32, buffer)]).ShouldBe("192.0.2.7/32");
        Encoding.ASCII.GetString(buffer[..IpFormat.FormatCidr(IpFamily.V6, 0, 0, buffer)]).ShouldBe("::/0");
        Encoding.ASCII.GetString(buffer[..IpFormat.FormatCidr(IpFamily.V6, Number("2001:db8::"), 128, buffer)]).ShouldBe("2001:db8::/128");
    }

    [Fact]
    public void The_longest_texts_fit_the_advertised_sizes()
    {
        var widest = IpRange.V6(Number("1111:2222:3333:4444:5555:6666:7777:8888"), Number("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"));
        Span<byte> buffer = stackalloc byte[IpFormat.MaxRangeChars];
        IpFormat.FormatRange(widest, buffer, RangeStyle.FirstLast).ShouldBe(IpFormat.MaxRangeChars);
        IpFormat.FormatAddress(IpFamily.V4, uint.MaxValue).Length.ShouldBe(15);
    }

    private static string Format(string address)
    {
        var (family, value) = IpRange.ToNumber(IPAddress.Parse(address));
        return IpFormat.FormatAddress(family, value);
    }
}
