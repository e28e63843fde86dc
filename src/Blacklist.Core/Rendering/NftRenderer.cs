using System.Buffers;
using System.Numerics;
using System.Text;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Rendering;

/// <summary>
/// An `nft -f` script: interval sets <see cref="FirewallSetNames.Nft"/> for ip and ip6 in table
/// inet <see cref="FirewallSetNames.NftTable"/>. nft applies a file as one transaction, so the
/// script creates what is missing (`add` is idempotent), flushes both sets and refills them, and a
/// rule matching the set never sees a half-loaded list. Elements are the merged ranges in their
/// shortest form (address, CIDR block or "first-last"), in `add element` statements of at most
/// <see cref="ElementsPerStatement"/> elements. An empty set gets no statement (nft refuses `{ }`).
/// Comments: always a `#` header with name, version, time, counts and the cap note.
/// </summary>
internal sealed class NftRenderer : IListRenderer
{
    /// <summary>Keeps each statement a bounded size; nft loads 100k+ elements either way.</summary>
    public const int ElementsPerStatement = 4096;

    public ListFormat Format => ListFormat.Nft;

    public string ContentType => ListContentTypes.Text;

    public void Render(RenderInput input, IBufferWriter<byte> output)
    {
        var v4 = FirewallSetNames.Nft(input.Name, IpFamily.V4);
        var v6 = FirewallSetNames.Nft(input.Name, IpFamily.V6);

        var text = new Utf8Output(output);
        ListHeader.Write(ref text, input, input.Set.RangeCount);
        text.Write("# Load with: nft -f FILE (one transaction). Sets: inet "u8);
        text.WriteText(FirewallSetNames.NftTable);
        text.Write((byte)' ');
        text.WriteText(v4);
        text.Write(" (IPv4), "u8);
        text.WriteText(v6);
        text.Write(" (IPv6).\n"u8);

        text.Write("add table inet "u8);
        text.WriteText(FirewallSetNames.NftTable);
        text.Write((byte)'\n');
        WriteStatement(ref text, "add set"u8, v4, " { type ipv4_addr; flags interval; }"u8);
        WriteStatement(ref text, "add set"u8, v6, " { type ipv6_addr; flags interval; }"u8);
        WriteStatement(ref text, "flush set"u8, v4, default);
        WriteStatement(ref text, "flush set"u8, v6, default);
        WriteElements(ref text, input.Set.V4, IpFamily.V4, v4);
        WriteElements(ref text, input.Set.V6, IpFamily.V6, v6);
        text.Flush();
    }

    private static void WriteElements<T>(ref Utf8Output text, RangeSet<T> set, IpFamily family, string setName)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
    {
        var opening = Encoding.ASCII.GetBytes($"add element inet {FirewallSetNames.NftTable} {setName} {{\n");
        for (var i = 0; i < set.Count; i++)
        {
            var inStatement = i % ElementsPerStatement;
            if (inStatement == 0)
            {
                text.Write(opening);
            }

            text.Write((byte)'\t');
            text.WriteRange(MergedRanges.At(set, family, i), RangeStyle.Natural);
            var closes = inStatement == ElementsPerStatement - 1 || i == set.Count - 1;
            text.Write(closes ? "\n}\n"u8 : ",\n"u8);
        }
    }

    private static void WriteStatement(ref Utf8Output text, ReadOnlySpan<byte> command, string setName, ReadOnlySpan<byte> tail)
    {
        text.Write(command);
        text.Write(" inet "u8);
        text.WriteText(FirewallSetNames.NftTable);
        text.Write((byte)' ');
        text.WriteText(setName);
        text.Write(tail);
        text.Write((byte)'\n');
    }
}
