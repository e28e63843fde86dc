using System.Numerics;
using System.Text.Json;
using Blacklist.Core.Addresses;
using Blacklist.Core.Rendering;
using Blacklist.Core.Tests.Addresses;
using CsCheck;
using static Blacklist.Core.Tests.Rendering.Rendered;

namespace Blacklist.Core.Tests.Rendering;

public sealed class JsonRenderingTests
{
    [Fact]
    public void The_document_carries_the_list_facts_and_one_object_per_merged_range()
    {
        Text(ListFormat.Json, Input(Set("1.2.3.4", "7.7.7.1-7.7.7.9", "2001:db8:1::/48"))).ShouldBe(
            """{"name":"active","version":42,"generated_at":"2026-08-22T10:15:00Z","count":3,"total_before_cap":null,"entries":["""
            + """{"range":"1.2.3.4","first":"1.2.3.4","last":"1.2.3.4","family":4,"addresses":1},"""
            + """{"range":"7.7.7.1-7.7.7.9","first":"7.7.7.1","last":"7.7.7.9","family":4,"addresses":9},"""
            + """{"range":"2001:db8:1::/48","first":"2001:db8:1::","last":"2001:db8:1:ffff:ffff:ffff:ffff:ffff","family":6,"addresses":1208925819614629174706176}]}""");
    }

    [Fact]
    public void It_parses_with_System_Text_Json_and_every_entry_agrees_with_the_set()
    {
        using var document = JsonDocument.Parse(Bytes(ListFormat.Json, Input(Sample, totalBeforeCap: 11)));
        var root = document.RootElement;
        root.GetProperty("name").GetString().ShouldBe("active");
        root.GetProperty("version").GetInt64().ShouldBe(42);
        root.GetProperty("generated_at").GetDateTimeOffset().ShouldBe(GeneratedAt);
        root.GetProperty("count").GetInt32().ShouldBe(Sample.RangeCount);
        root.GetProperty("total_before_cap").GetInt64().ShouldBe(11);

        var ranges = Sample.Ranges().ToList();
        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        entries.Count.ShouldBe(ranges.Count);
        for (var i = 0; i < ranges.Count; i++)
        {
            var entry = entries[i];
            Range(entry.GetProperty("range").GetString()!).ShouldBe(ranges[i]);
            Range(entry.GetProperty("first").GetString()!).ShouldBe(IpRange.FromCidr(ranges[i].Family, ranges[i].First, ranges[i].Family.Bits()));
            Range(entry.GetProperty("last").GetString()!).First.ShouldBe(ranges[i].Last);
            entry.GetProperty("family").GetInt32().ShouldBe((int)ranges[i].Family);
            BigInteger.Parse(entry.GetProperty("addresses").GetRawText(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(ranges[i].AddressCount);
        }
    }

    [Fact]
    public void The_whole_ipv6_space_counts_two_to_the_128()
    {
        using var document = JsonDocument.Parse(Bytes(ListFormat.Json, Input(Set("::/0"))));
        document.RootElement.GetProperty("entries")[0].GetProperty("addresses").GetRawText()
            .ShouldBe(BigInteger.Pow(2, 128).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Names_are_escaped_as_json_strings()
    {
        using var document = JsonDocument.Parse(Bytes(ListFormat.Json, Input(Sample, name: "a \"quoted\"\nname")));
        document.RootElement.GetProperty("name").GetString().ShouldBe("a \"quoted\"\nname");
    }

    [Fact]
    public void Random_sets_round_trip_through_the_ranges_of_the_document()
    {
        var windows = AddressWindow.Parse("v4-zero+v4-top+v6-zero+v6-top+v6-straddle");
        AddressWindow.Ranges(windows).Array[0, 30].Sample(
            ranges =>
            {
                var set = IpSet.FromRanges(ranges);
                using var document = JsonDocument.Parse(Bytes(ListFormat.Json, Input(set)));
                var parsed = document.RootElement.GetProperty("entries").EnumerateArray().Select(e => Range(e.GetProperty("range").GetString()!));
                IpSet.FromRanges(parsed).ShouldEqual(set);
            },
            iter: 200);
    }

    [Fact]
    public void A_large_list_is_one_valid_document()
    {
        var builder = new IpSetBuilder();
        for (uint i = 0; i < 50_000; i++)
        {
            builder.AddV4(i * 3, (i * 3) + 1);
        }

        using var document = JsonDocument.Parse(Bytes(ListFormat.Json, Input(builder.Build())));
        document.RootElement.GetProperty("entries").GetArrayLength().ShouldBe(50_000);
    }
}
