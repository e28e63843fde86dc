using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Blacklist.Core.Snapshots;
using Blacklist.Server.Snapshots;

namespace Blacklist.Server.Caching;

/// <summary>
/// A hash of what a snapshot's lists are rendered from: the served set, the change counter and the
/// list settings. Two replicas at the same version whose fingerprints match render the same lists
/// (but for the "generated" time in the comment line), so one may serve the other's bytes.
/// </summary>
internal static class SnapshotFingerprint
{
    public static ulong Of(BlocklistSnapshot snapshot, ListOptions options)
    {
        var hash = new XxHash3();
        Span<byte> numbers = stackalloc byte[8];
        Append(hash, numbers, snapshot.ChangeCounter);
        Append(hash, numbers, options.FortiGateMaxEntries);
        Append(hash, numbers, options.BrotliQuality);
        Append(hash, numbers, snapshot.Active.V4.Count);
        hash.Append(MemoryMarshal.AsBytes(snapshot.Active.V4.Firsts));
        hash.Append(MemoryMarshal.AsBytes(snapshot.Active.V4.Lasts));
        Append(hash, numbers, snapshot.Active.V6.Count);
        hash.Append(MemoryMarshal.AsBytes(snapshot.Active.V6.Firsts));
        hash.Append(MemoryMarshal.AsBytes(snapshot.Active.V6.Lasts));
        return hash.GetCurrentHashAsUInt64();
    }

    private static void Append(XxHash3 hash, Span<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        hash.Append(buffer);
    }
}
