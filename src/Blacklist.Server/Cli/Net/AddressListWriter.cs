using System.Globalization;
using System.Numerics;
using Blacklist.Core.Addresses;

namespace Blacklist.Server.Cli.Net;

/// <summary>
/// Writes a set as text lines straight into a large byte buffer with <see cref="IpFormat"/>:
/// no string per line, one write to the stream per buffer.
/// </summary>
internal sealed class AddressListWriter(Stream output)
{
    // Room for the longest line: two IPv6 addresses and a dash, or an address and /128, plus the newline.
    private const int MaxLine = IpFormat.MaxRangeChars + 1;

    private readonly byte[] _buffer = new byte[NetConsole.OutputBufferSize];
    private int _used;

    /// <summary>The minimal CIDR cover, IPv4 first; a one-address block is written without its prefix.</summary>
    public void WriteCidrs(IpSet set)
    {
        WriteCidrs(set.V4, IpFamily.V4);
        WriteCidrs(set.V6, IpFamily.V6);
    }

    /// <summary>Every range as first-last, even one address (the form of iprange --print-ranges).</summary>
    public void WriteRanges(IpSet set)
    {
        foreach (var range in set.Ranges())
        {
            Reserve();
            _used += IpFormat.FormatRange(range, _buffer.AsSpan(_used), RangeStyle.FirstLast);
            _buffer[_used++] = (byte)'\n';
        }
    }

    public void WriteLine(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text + "\n");
        Flush();
        output.Write(bytes);
    }

    public void Flush()
    {
        output.Write(_buffer, 0, _used);
        _used = 0;
    }

    private void WriteCidrs<T>(RangeSet<T> ranges, IpFamily family)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
    {
        var firsts = ranges.Firsts;
        var lasts = ranges.Lasts;
        for (var i = 0; i < firsts.Length; i++)
        {
            var first = firsts[i];
            var last = lasts[i];
            int hostBits;
            do
            {
                hostBits = RangeSet<T>.LargestBlockAt(first, last);
                Reserve();
                var line = _buffer.AsSpan(_used);

                // The JIT keeps only one branch per family: IPv4 goes straight to the table-driven formatter.
                var n = typeof(T) == typeof(uint)
                    ? IpFormat.FormatV4(uint.CreateTruncating(first), line)
                    : IpFormat.FormatAddress(family, UInt128.CreateTruncating(first), line);
                if (hostBits != 0)
                {
                    line[n++] = (byte)'/';
                    ((uint)(family.Bits() - hostBits)).TryFormat(line[n..], out var digits, default, CultureInfo.InvariantCulture);
                    n += digits;
                }

                line[n++] = (byte)'\n';
                _used += n;
            }
            while (RangeSet<T>.TryAdvancePastBlock(ref first, hostBits, last));
        }
    }

    private void Reserve()
    {
        if (_used > _buffer.Length - MaxLine)
        {
            Flush();
        }
    }
}
