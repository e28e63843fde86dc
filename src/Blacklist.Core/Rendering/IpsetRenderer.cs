using System.Buffers;
using System.Numerics;
using System.Text;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Rendering;

/// <summary>
/// An `ipset restore` script: one hash:net set per family (<see cref="FirewallSetNames.Ipset"/>),
/// each filled under a temporary name and swapped in, so rules that match the live set see the old
/// list until the new one is complete. Entries are the minimal CIDR cover (hash:net takes networks;
/// a /0 becomes two /1). maxelem and hashsize follow <see cref="HashNetSizing"/>.
/// </summary>
/// <remarks>
/// Order: both live sets are created first (`-exist`), so a mismatch stops the load before anything
/// changed; then each temporary set is filled; the two swaps come last, next to each other.
/// Comments: always a `#` header with name, version, time, counts and the cap note.
/// </remarks>
internal sealed class IpsetRenderer : IListRenderer
{
    public ListFormat Format => ListFormat.Ipset;

    public string ContentType => ListContentTypes.Text;

    public void Render(RenderInput input, IBufferWriter<byte> output)
    {
        var v4 = new FamilySet(input.Name, IpFamily.V4, CidrLines.Count(input.Set.V4, CidrLineStyle.HashNet));
        var v6 = new FamilySet(input.Name, IpFamily.V6, CidrLines.Count(input.Set.V6, CidrLineStyle.HashNet));

        var text = new Utf8Output(output);
        ListHeader.Write(ref text, input, v4.Entries + v6.Entries);
        text.Write("# Load with: ipset restore < FILE. Sets: "u8);
        text.WriteText(v4.Live);
        text.Write(" (IPv4), "u8);
        text.WriteText(v6.Live);
        text.Write(" (IPv6).\n"u8);
        text.Write("# If a 'create ... -exist' line fails because the set exists, that set has another maxelem:\n"u8);
        text.Write("# load once without that line (sed 'Nd' FILE | ipset restore, N as ipset reports it); the swap replaces it.\n"u8);

        WriteCreate(ref text, v4.Live, v4, exist: true);
        WriteCreate(ref text, v6.Live, v6, exist: true);
        WriteFill(ref text, input.Set.V4, v4);
        WriteFill(ref text, input.Set.V6, v6);
        WriteCommand(ref text, "swap "u8, v4.Temporary, v4.Live);
        WriteCommand(ref text, "swap "u8, v6.Temporary, v6.Live);
        WriteCommand(ref text, "destroy "u8, v4.Temporary, null);
        WriteCommand(ref text, "destroy "u8, v6.Temporary, null);

        text.Flush();
    }

    private static void WriteFill<T>(ref Utf8Output text, RangeSet<T> ranges, FamilySet set)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
    {
        // A temporary set left by an interrupted load may have other parameters: start afresh.
        text.Write("destroy "u8);
        text.WriteText(set.Temporary);
        text.Write(" -exist\n"u8);
        WriteCreate(ref text, set.Temporary, set, exist: false);
        CidrLines.Write(ref text, ranges, set.Family, Encoding.ASCII.GetBytes($"add {set.Temporary} "), CidrLineStyle.HashNet);
    }

    private static void WriteCreate(ref Utf8Output text, string name, FamilySet set, bool exist)
    {
        text.Write("create "u8);
        text.WriteText(name);
        text.Write(set.Family == IpFamily.V4 ? " hash:net family inet hashsize "u8 : " hash:net family inet6 hashsize "u8);
        text.WriteNumber(HashNetSizing.HashSize(set.Entries));
        text.Write(" maxelem "u8);
        text.WriteNumber(HashNetSizing.MaxElements(set.Entries));
        text.Write(exist ? " -exist\n"u8 : "\n"u8);
    }

    private static void WriteCommand(ref Utf8Output text, ReadOnlySpan<byte> command, string first, string? second)
    {
        text.Write(command);
        text.WriteText(first);
        if (second is not null)
        {
            text.Write((byte)' ');
            text.WriteText(second);
        }

        text.Write((byte)'\n');
    }

    private readonly record struct FamilySet(IpFamily Family, string Live, string Temporary, long Entries)
    {
        public FamilySet(string listName, IpFamily family, long entries)
            : this(family, FirewallSetNames.Ipset(listName, family), FirewallSetNames.IpsetTemporary(listName, family), entries)
        {
        }
    }
}
