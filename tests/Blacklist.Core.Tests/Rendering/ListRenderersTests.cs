using Blacklist.Core.Rendering;
using static Blacklist.Core.Tests.Rendering.Rendered;

namespace Blacklist.Core.Tests.Rendering;

public sealed class ListRenderersTests
{
    [Theory]
    [InlineData("plain", ListFormat.Plain)]
    [InlineData("TXT", ListFormat.Plain)]
    [InlineData("cidr", ListFormat.Cidr)]
    [InlineData("range", ListFormat.Range)]
    [InlineData("Ranges", ListFormat.Range)]
    [InlineData("fortigate", ListFormat.FortiGate)]
    [InlineData("edl", ListFormat.Edl)]
    [InlineData("PaloAlto", ListFormat.Edl)]
    [InlineData("ipset", ListFormat.Ipset)]
    [InlineData("nft", ListFormat.Nft)]
    [InlineData("nftables", ListFormat.Nft)]
    [InlineData(" json ", ListFormat.Json)]
    [InlineData("CSV", ListFormat.Csv)]
    public void Format_names_are_read_case_insensitively(string text, ListFormat expected)
    {
        ListRenderers.TryParseFormat(text, out var format).ShouldBeTrue();
        format.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("xml")]
    [InlineData("plain,json")]
    public void Anything_else_is_not_a_format(string? text)
        => ListRenderers.TryParseFormat(text, out _).ShouldBeFalse();

    [Fact]
    public void Every_format_has_a_renderer_a_name_and_a_content_type()
    {
        foreach (var format in Enum.GetValues<ListFormat>())
        {
            var renderer = ListRenderers.For(format);
            renderer.Format.ShouldBe(format);
            ListRenderers.TryParseFormat(ListRenderers.NameOf(format), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(format);
            ListRenderers.FormatNames.ShouldContain(ListRenderers.NameOf(format));
            renderer.ContentType.ShouldBe(format switch
            {
                ListFormat.Json => "application/json",
                ListFormat.Csv => "text/csv; charset=utf-8",
                _ => "text/plain; charset=utf-8",
            });
        }

        ListRenderers.FormatNames.ShouldBe(
            ["plain", "txt", "cidr", "range", "ranges", "fortigate", "edl", "paloalto", "ipset", "nft", "nftables", "json", "csv"]);
    }

    [Theory]
    [InlineData(ListFormat.Plain, 12)]
    [InlineData(ListFormat.Cidr, 12)]
    [InlineData(ListFormat.Ipset, 12)]
    [InlineData(ListFormat.Range, 7)]
    [InlineData(ListFormat.FortiGate, 7)]
    [InlineData(ListFormat.Edl, 7)]
    [InlineData(ListFormat.Nft, 7)]
    [InlineData(ListFormat.Json, 7)]
    [InlineData(ListFormat.Csv, 7)]
    public void Entries_are_counted_in_the_unit_each_format_writes(ListFormat format, long expected)
        => ListRenderers.CountEntries(format, Sample).ShouldBe(expected);

    [Theory]
    [InlineData(ListFormat.Plain)]
    [InlineData(ListFormat.Range)]
    [InlineData(ListFormat.Ipset)]
    [InlineData(ListFormat.Nft)]
    [InlineData(ListFormat.Json)]
    [InlineData(ListFormat.Csv)]
    public void Output_does_not_depend_on_how_the_buffer_writer_hands_out_memory(ListFormat format)
    {
        var builder = new Core.Addresses.IpSetBuilder();
        for (uint i = 0; i < 3_000; i++)
        {
            builder.AddV4(i * 7, (i * 7) + (i % 5));
            builder.AddV6((UInt128)i << 70, ((UInt128)i << 70) + i);
        }

        var input = Input(builder.Build(), totalBeforeCap: 9_000);
        var stingy = new StingyBufferWriter();
        ListRenderers.For(format).Render(input, stingy);
        stingy.Written.ShouldBe(Bytes(format, input));
    }
}
