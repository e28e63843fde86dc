using System.Buffers;
using System.IO.Compression;
using System.IO.Hashing;
using Blacklist.Core.Rendering;
using Microsoft.Extensions.Primitives;

namespace Blacklist.Server.Snapshots;

/// <summary>
/// One list format of one snapshot, rendered once: the bytes, their gzip and brotli encodings, and
/// the ETags. Serving it is a memory copy. ETags derive from the content (not the process), so
/// replicas and restarts serving the same list answer the same ETag and clients keep revalidating.
/// </summary>
internal sealed class RenderedPayload
{
    private RenderedPayload(ListFormat format, string contentType, long version, long entries, byte[] identity, ulong contentHash, byte[] gzip, byte[] brotli)
    {
        VersionHeader = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Format = format;
        ContentType = contentType;
        Entries = entries;
        Identity = identity;
        Gzip = gzip;
        Brotli = brotli;
        ContentHash = contentHash;
        var tag = $"{ListRenderers.NameOf(format)}-{contentHash:x16}";
        IdentityETag = $"\"{tag}\"";
        GzipETag = $"\"{tag}-gzip\"";
        BrotliETag = $"\"{tag}-br\"";
        EntriesHeader = entries.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public ListFormat Format { get; }

    public StringValues ContentType { get; }

    public long Entries { get; }

    public StringValues EntriesHeader { get; }

    /// <summary>The snapshot version, ready for the X-Snapshot-Version header.</summary>
    public StringValues VersionHeader { get; }

    public byte[] Identity { get; }

    public byte[] Gzip { get; }

    public byte[] Brotli { get; }

    /// <summary>XxHash3 of the identity bytes: the ETag's core, and the shared cache's integrity check.</summary>
    public ulong ContentHash { get; }

    public StringValues IdentityETag { get; }

    public StringValues GzipETag { get; }

    public StringValues BrotliETag { get; }

    public static RenderedPayload Render(IListRenderer renderer, RenderInput input, long entries, int brotliQuality)
    {
        var output = new ArrayBufferWriter<byte>(checked((int)Math.Min(int.MaxValue / 2, Math.Max(4096, entries * 18))));
        renderer.Render(input, output);
        var identity = output.WrittenSpan.ToArray();
        return new RenderedPayload(renderer.Format, renderer.ContentType, input.Version, entries, identity, XxHash3.HashToUInt64(identity), CompressGzip(identity), CompressBrotli(identity, brotliQuality));
    }

    /// <summary>A payload rendered and compressed elsewhere (another replica, through the shared cache), its hash already checked.</summary>
    public static RenderedPayload FromEncodings(ListFormat format, long version, long entries, byte[] identity, ulong contentHash, byte[] gzip, byte[] brotli)
        => new(format, ListRenderers.For(format).ContentType, version, entries, identity, contentHash, gzip, brotli);

    private static byte[] CompressGzip(byte[] data)
    {
        using var buffer = new MemoryStream(Math.Max(256, data.Length / 3));
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    private static byte[] CompressBrotli(byte[] data, int quality)
    {
        var destination = new byte[BrotliEncoder.GetMaxCompressedLength(data.Length)];
        if (!BrotliEncoder.TryCompress(data, destination, out var written, quality, window: 22))
        {
            throw new InvalidOperationException("Brotli could not compress the list into its maximum compressed length.");
        }

        return destination.AsSpan(0, written).ToArray();
    }
}
