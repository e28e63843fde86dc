using System.Buffers.Binary;
using System.IO.Hashing;
using Blacklist.Core.Rendering;
using Blacklist.Server.Snapshots;

namespace Blacklist.Server.Caching;

/// <summary>
/// A rendered payload as one Redis value: a header (magic, entries, the identity bytes' hash, the
/// three lengths) and the identity, gzip and brotli bytes. One value is written with its expiry in
/// one command, so a reader sees all of it or nothing; the hash catches a truncated or foreign value.
/// </summary>
internal static class PayloadFrame
{
    private const int HeaderBytes = 4 + 8 + 8 + (3 * 4);
    private static readonly byte[] Magic = "BLP1"u8.ToArray();

    public static byte[] Encode(RenderedPayload payload)
    {
        var frame = new byte[HeaderBytes + payload.Identity.Length + payload.Gzip.Length + payload.Brotli.Length];
        var span = frame.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt64LittleEndian(span[4..], payload.Entries);
        BinaryPrimitives.WriteUInt64LittleEndian(span[12..], payload.ContentHash);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], payload.Identity.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], payload.Gzip.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], payload.Brotli.Length);
        var offset = HeaderBytes;
        foreach (var part in new[] { payload.Identity, payload.Gzip, payload.Brotli })
        {
            part.CopyTo(span[offset..]);
            offset += part.Length;
        }

        return frame;
    }

    /// <summary>The payload in <paramref name="frame"/>, or null when the value is not a whole, intact frame.</summary>
    public static RenderedPayload? TryDecode(ReadOnlySpan<byte> frame, ListFormat format, long version)
    {
        if (frame.Length < HeaderBytes || !frame[..4].SequenceEqual(Magic))
        {
            return null;
        }

        var entries = BinaryPrimitives.ReadInt64LittleEndian(frame[4..]);
        var hash = BinaryPrimitives.ReadUInt64LittleEndian(frame[12..]);
        var identityLength = BinaryPrimitives.ReadInt32LittleEndian(frame[20..]);
        var gzipLength = BinaryPrimitives.ReadInt32LittleEndian(frame[24..]);
        var brotliLength = BinaryPrimitives.ReadInt32LittleEndian(frame[28..]);
        if (entries < 0 || identityLength < 0 || gzipLength < 0 || brotliLength < 0
            || (long)HeaderBytes + identityLength + gzipLength + brotliLength != frame.Length)
        {
            return null;
        }

        var body = frame[HeaderBytes..];
        var identity = body[..identityLength];
        if (XxHash3.HashToUInt64(identity) != hash)
        {
            return null;
        }

        return RenderedPayload.FromEncodings(
            format,
            version,
            entries,
            identity.ToArray(),
            hash,
            body.Slice(identityLength, gzipLength).ToArray(),
            body.Slice(identityLength + gzipLength, brotliLength).ToArray());
    }
}
