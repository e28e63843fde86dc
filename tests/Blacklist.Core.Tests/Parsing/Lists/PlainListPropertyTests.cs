using System.Text;
using Blacklist.Core.Addresses;
using Blacklist.Core.Parsing;
using CsCheck;

namespace Blacklist.Core.Tests.Parsing.Lists;

/// <summary>
/// Random sets of ranges written as a plain list in random mixed forms, decorations and line
/// endings must parse back to exactly the set built from the ranges themselves.
/// </summary>
public sealed class PlainListPropertyTests
{
    private static readonly Gen<IpRange> V4Ranges = Gen.Frequency(
        (3, Gen.UInt.Select(IpRange.V4)),
        (3, Gen.Select(Gen.UInt, Gen.Int[0, 32], (address, prefix) => IpRange.FromCidr(IpFamily.V4, address, prefix))),
        (2, Gen.Select(Gen.UInt, Gen.UInt, (a, b) => IpRange.V4(Math.Min(a, b), Math.Max(a, b)))));

    /// <summary>IPv6 text in ::ffff:0:0/96 reads back as IPv4 (by design), so no IPv6 endpoint is written there.</summary>
    private static readonly IpRange V4Mapped = IpRange.FromCidr(IpFamily.V6, (UInt128)0xFFFF << 32, 96);

    private static readonly Gen<IpRange> V6Ranges = Gen.Frequency(
        (3, Gen.UInt128.Select(a => IpRange.V6(a, a))),
        (3, Gen.Select(Gen.UInt128, Gen.Int[0, 128], (address, prefix) => IpRange.FromCidr(IpFamily.V6, address, prefix))),
        (2, Gen.Select(Gen.UInt128, Gen.UInt128, (a, b) => IpRange.V6(UInt128.Min(a, b), UInt128.Max(a, b)))))
        .Where(r => !V4Mapped.Contains(r.First) && !V4Mapped.Contains(r.Last));

    /// <summary>A range with how to write it: form, host-bit noise, decoration, extra lines before it.</summary>
    private static readonly Gen<(IpRange Range, int Form, UInt128 Noise, int Decoration, int Extra)> Entries = Gen.Select(
        Gen.Frequency((1, V4Ranges), (1, V6Ranges)), Gen.Int[0, 3], Gen.UInt128, Gen.Int[0, 4], Gen.Int[0, 6]);

    [Fact]
    public void Parsing_a_randomly_written_list_gives_the_set_of_its_ranges()
    {
        Gen.Select(Entries.Array[0, 40], Gen.Bool, Gen.Bool).Sample(
            (entries, crlf, bom) =>
            {
                var text = Write(entries, crlf ? "\r\n" : "\n");
                var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray();
                var expected = IpSet.FromRanges(entries.Select(e => e.Range)).Describe();

                var records = FeedSamples.Parse(new FeedParserSettings("plain"), new MemoryStream(bytes));
                records.Rejections().ShouldBeEmpty(text);
                records.ToSet().Describe().ShouldBe(expected, text);

                var builder = new IpSetBuilder();
                var rejected = 0;
                FeedParsers.ReadRanges(new MemoryStream(bytes), new FeedParserSettings("plain"), builder, i => rejected += i.Kind == ParseIssueKind.Rejected ? 1 : 0);
                rejected.ShouldBe(0);
                builder.Build().Describe().ShouldBe(expected, text);
            },
            iter: 300);
    }

    private static string Write(IEnumerable<(IpRange Range, int Form, UInt128 Noise, int Decoration, int Extra)> entries, string newline)
    {
        var text = new StringBuilder();
        foreach (var (range, form, noise, decoration, extra) in entries)
        {
            text.Append(extra switch
            {
                1 => newline,
                2 => "# a comment line" + newline,
                3 => "   ; another; with # marks" + newline,
                4 => "\t " + newline,
                _ => string.Empty,
            });
            text.Append(decoration == 4 ? "  " : string.Empty).Append(Token(range, form, noise)).Append(decoration switch
            {
                1 => " # seen twice",
                2 => "\t; SBL123",
                3 => " trailing words 1.2.3.4",
                4 => "\t",
                _ => string.Empty,
            });
            text.Append(newline);
        }

        return text.ToString();
    }

    private static string Token(IpRange range, int form, UInt128 noise)
    {
        var first = Address(range.Family, range.First);
        var last = Address(range.Family, range.Last);
        var bits = range.Family.Bits();
        if (range.IsSingleAddress)
        {
            return form switch
            {
                0 => first,
                1 => $"{first}/{bits}",
                2 => $"{first}-{first}",
                _ => range.Family == IpFamily.V4 ? $"::ffff:{first}" : first,
            };
        }

        if (range.PrefixLength is { } prefix)
        {
            return form switch
            {
                0 => $"{first}/{prefix}",
                1 when range.Family == IpFamily.V4 => $"{first}/{Address(IpFamily.V4, ~(uint)(range.Last - range.First))}",
                2 => $"{first}-{last}",
                // Host bits set: the parser masks them (with a warning) back to the same block.
                _ => $"{Address(range.Family, WithHostBits(range, noise))}/{prefix}",
            };
        }

        return form % 2 == 0 ? $"{first}-{last}" : $"{first} - {last}";
    }

    private static UInt128 WithHostBits(IpRange block, UInt128 noise)
    {
        var address = block.First | (noise & (block.Last - block.First));
        return block.Family == IpFamily.V6 && V4Mapped.Contains(address) ? block.First : address;
    }

    private static string Address(IpFamily family, UInt128 value) => IpRange.ToAddress(family, value).ToString();
}
