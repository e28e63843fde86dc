using System.Buffers;
using System.Numerics;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Rendering;

/// <summary>
/// CSV of the merged ranges, IPv4 first, for spreadsheets and scripts:
/// header <c>range,first,last,family,addresses</c>, then one row per range — the range in its
/// shortest form (address, CIDR block or "first-last"), its first and last address, 4 or 6, and
/// the exact number of addresses. No field needs quoting. CSV has no comment syntax, so a cap is
/// not noted in the body (the HTTP headers carry it).
/// </summary>
internal sealed class CsvRenderer : IListRenderer
{
    public ListFormat Format => ListFormat.Csv;

    public string ContentType => ListContentTypes.Csv;

    public void Render(RenderInput input, IBufferWriter<byte> output)
    {
        var text = new Utf8Output(output);
        text.Write("range,first,last,family,addresses\n"u8);
        WriteRows(ref text, input.Set.V4, IpFamily.V4, "4"u8);
        WriteRows(ref text, input.Set.V6, IpFamily.V6, "6"u8);
        text.Flush();
    }

    private static void WriteRows<T>(ref Utf8Output text, RangeSet<T> set, IpFamily family, ReadOnlySpan<byte> familyColumn)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
    {
        for (var i = 0; i < set.Count; i++)
        {
            var range = MergedRanges.At(set, family, i);
            text.WriteRange(range, RangeStyle.Natural);
            text.Write((byte)',');
            text.WriteAddress(family, range.First);
            text.Write((byte)',');
            text.WriteAddress(family, range.Last);
            text.Write((byte)',');
            text.Write(familyColumn);
            text.Write((byte)',');
            text.WriteAddressCount(range.First, range.Last);
            text.Write((byte)'\n');
        }
    }
}
