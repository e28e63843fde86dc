using System.Numerics;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Rendering;

/// <summary>Writes the minimal CIDR cover of one family, one block per line, each line after a fixed prefix.</summary>
internal static class CidrLines
{
    public static void Write<T>(ref Utf8Output output, RangeSet<T> set, IpFamily family, scoped ReadOnlySpan<byte> linePrefix, CidrLineStyle style)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
    {
        var bits = family.Bits();
        var firsts = set.Firsts;
        var lasts = set.Lasts;
        for (var i = 0; i < firsts.Length; i++)
        {
            // Block by block without an enumerator: nested iterators cost a third of the render time.
            var first = firsts[i];
            var last = lasts[i];
            int hostBits;
            do
            {
                hostBits = RangeSet<T>.LargestBlockAt(first, last);
                if (hostBits == bits && style.SplitWholeSpace)
                {
                    WriteLine(ref output, linePrefix, family, UInt128.Zero, 1, style);
                    WriteLine(ref output, linePrefix, family, UInt128.One << (bits - 1), 1, style);
                }
                else
                {
                    WriteLine(ref output, linePrefix, family, UInt128.CreateTruncating(first), bits - hostBits, style);
                }
            }
            while (RangeSet<T>.TryAdvancePastBlock(ref first, hostBits, last));
        }
    }

    /// <summary>Number of lines <see cref="Write{T}"/> writes for <paramref name="set"/>.</summary>
    public static long Count<T>(RangeSet<T> set, CidrLineStyle style)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
    {
        var wholeSpace = set.Count == 1 && set.Firsts[0] == T.Zero && set.Lasts[0] == T.MaxValue;
        return set.CidrBlockCount() + (wholeSpace && style.SplitWholeSpace ? 1 : 0);
    }

    private static void WriteLine(ref Utf8Output output, scoped ReadOnlySpan<byte> linePrefix, IpFamily family, UInt128 network, int prefixLength, CidrLineStyle style)
    {
        // One reservation per line: the line is formatted straight into the output chunk.
        var line = output.GetSpan(linePrefix.Length + IpFormat.MaxAddressChars + 5);
        linePrefix.CopyTo(line);
        var n = linePrefix.Length;
        n += style.BareSingleAddress && prefixLength == family.Bits()
            ? IpFormat.FormatAddress(family, network, line[n..])
            : IpFormat.FormatCidr(family, network, prefixLength, line[n..]);
        line[n++] = (byte)'\n';
        output.Advance(n);
    }
}
