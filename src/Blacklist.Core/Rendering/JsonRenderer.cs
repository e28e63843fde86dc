using System.Buffers;
using System.Numerics;
using System.Text.Json;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Rendering;

/// <summary>
/// JSON for programs:
/// <c>{"name":"active","version":42,"generated_at":"2026-08-22T10:00:00Z","count":2,"total_before_cap":null,
/// "entries":[{"range":"1.2.3.0/24","first":"1.2.3.0","last":"1.2.3.255","family":4,"addresses":256}, …]}</c>.
/// Entries are the merged ranges, IPv4 first; <c>range</c> is the shortest form (address, CIDR
/// block or "first-last") and <c>first</c>/<c>last</c> spare clients the parsing. <c>count</c> is
/// the number of entries; <c>total_before_cap</c> is the count before a cap dropped entries, or
/// null. <c>addresses</c> is an exact integer, which for large IPv6 ranges exceeds 2^53 (read it
/// as a big integer or decimal, not a double).
/// </summary>
internal sealed class JsonRenderer : IListRenderer
{
    /// <summary>Pending bytes after which the writer hands its buffer on, so output streams.</summary>
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };
    private static readonly JsonEncodedText NameProperty = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText VersionProperty = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText GeneratedAtProperty = JsonEncodedText.Encode("generated_at");
    private static readonly JsonEncodedText CountProperty = JsonEncodedText.Encode("count");
    private static readonly JsonEncodedText TotalBeforeCapProperty = JsonEncodedText.Encode("total_before_cap");
    private static readonly JsonEncodedText EntriesProperty = JsonEncodedText.Encode("entries");
    private static readonly JsonEncodedText RangeProperty = JsonEncodedText.Encode("range");
    private static readonly JsonEncodedText FirstProperty = JsonEncodedText.Encode("first");
    private static readonly JsonEncodedText LastProperty = JsonEncodedText.Encode("last");
    private static readonly JsonEncodedText FamilyProperty = JsonEncodedText.Encode("family");
    private static readonly JsonEncodedText AddressesProperty = JsonEncodedText.Encode("addresses");

    public ListFormat Format => ListFormat.Json;

    public string ContentType => ListContentTypes.Json;

    public void Render(RenderInput input, IBufferWriter<byte> output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString(NameProperty, input.Name);
        json.WriteNumber(VersionProperty, input.Version);
        json.WriteString(GeneratedAtProperty, input.GeneratedAt.UtcDateTime);
        json.WriteNumber(CountProperty, input.Set.RangeCount);
        if (input.TotalBeforeCap is { } total)
        {
            json.WriteNumber(TotalBeforeCapProperty, total);
        }
        else
        {
            json.WriteNull(TotalBeforeCapProperty);
        }

        json.WriteStartArray(EntriesProperty);
        Span<byte> scratch = stackalloc byte[IpFormat.MaxRangeChars];
        WriteEntries(json, input.Set.V4, IpFamily.V4, scratch);
        WriteEntries(json, input.Set.V6, IpFamily.V6, scratch);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteEntries<T>(Utf8JsonWriter json, RangeSet<T> set, IpFamily family, Span<byte> scratch)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
    {
        for (var i = 0; i < set.Count; i++)
        {
            var range = MergedRanges.At(set, family, i);
            json.WriteStartObject();
            json.WriteString(RangeProperty, scratch[..IpFormat.FormatRange(range, scratch, RangeStyle.Natural)]);
            json.WriteString(FirstProperty, scratch[..IpFormat.FormatAddress(family, range.First, scratch)]);
            json.WriteString(LastProperty, scratch[..IpFormat.FormatAddress(family, range.Last, scratch)]);
            json.WriteNumber(FamilyProperty, (int)family);
            json.WritePropertyName(AddressesProperty);
            json.WriteRawValue(scratch[..AddressCountText.Format(range.First, range.Last, scratch)], skipInputValidation: true);
            json.WriteEndObject();
            if (json.BytesPending > FlushThreshold)
            {
                json.Flush();
            }
        }
    }
}
