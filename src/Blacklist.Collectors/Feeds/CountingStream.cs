namespace Blacklist.Collectors.Feeds;

/// <summary>
/// A read-only pass-through that counts bytes and lines and stops at a size limit, so an
/// oversized (or decompression-bomb) feed is cut off while streaming, not after.
/// </summary>
internal sealed class CountingStream(Stream inner, long maxBytes) : Stream
{
    private bool endsWithNewline = true;

    public long Bytes { get; private set; }

    /// <summary>Lines seen, counting a last line without a newline.</summary>
    public long Lines => newlines + (endsWithNewline ? 0 : 1);

    private long newlines;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Bytes;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(buffer[..inner.Read(buffer)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(ReadOnlySpan<byte> read)
    {
        if (read.Length == 0)
        {
            return 0;
        }

        Bytes += read.Length;
        if (Bytes > maxBytes)
        {
            throw new FeedTooLargeException(maxBytes);
        }

        newlines += read.Count((byte)'\n');
        endsWithNewline = read[^1] == (byte)'\n';
        return read.Length;
    }
}

/// <summary>Thrown by <see cref="CountingStream"/> when the limit is passed.</summary>
internal sealed class FeedTooLargeException(long maxBytes)
    : IOException($"the feed is larger than the {maxBytes} bytes allowed")
{
    public long MaxBytes { get; } = maxBytes;
}
