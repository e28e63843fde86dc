using System.Buffers;
using System.Numerics;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Rendering;

/// <summary>
/// One merged range per line, IPv4 first: the Range list ("first-last", a single address alone),
/// and the firewall feeds FortiGate and Palo Alto EDL, which take an address, a CIDR or a range per
/// line and count each line as one entry, so they get the fewest lines (a range that is exactly one
/// CIDR block as the block, a single address alone, else "first-last").
/// </summary>
internal sealed class RangeListRenderer(ListFormat format, RangeStyle style, CapNotice capNotice) : IListRenderer
{
    public ListFormat Format => format;

    public string ContentType => ListContentTypes.Text;

    public void Render(RenderInput input, IBufferWriter<byte> output)
    {
        var text = new Utf8Output(output);
        var capped = input.TotalBeforeCap is not null;
        if (capped && capNotice == CapNotice.HeaderComment)
        {
            ListHeader.Write(ref text, input, input.Set.RangeCount);
        }

        var trailingNote = capped && capNotice == CapNotice.TrailingComment;
        WriteLines(ref text, input.Set.V4, IpFamily.V4, input, ref trailingNote);
        WriteLines(ref text, input.Set.V6, IpFamily.V6, input, ref trailingNote);
        text.Flush();
    }

    private void WriteLines<T>(ref Utf8Output text, RangeSet<T> set, IpFamily family, RenderInput input, ref bool trailingNote)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
    {
        for (var i = 0; i < set.Count; i++)
        {
            var range = MergedRanges.At(set, family, i);
            if (trailingNote)
            {
                text.WriteRange(range, style);
                text.Write(" # "u8);
                ListHeader.WriteCapNote(ref text, input, input.Set.RangeCount);
                text.Write((byte)'\n');
                trailingNote = false;
                continue;
            }

            // One reservation per line: the line is formatted straight into the output chunk.
            var line = text.GetSpan(IpFormat.MaxRangeChars + 1);
            var n = IpFormat.FormatRange(range, line, style);
            line[n] = (byte)'\n';
            text.Advance(n + 1);
        }
    }
}
