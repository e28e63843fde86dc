using System.Buffers;
using System.Globalization;
using System.Text;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Rendering;

/// <summary>
/// Writes UTF-8 text into an <see cref="IBufferWriter{T}"/> a large chunk at a time: one
/// GetSpan/Advance pair per chunk, never per line, and no strings on the way.
/// Call <see cref="Flush"/> when done; text written after the last flush is otherwise lost.
/// </summary>
internal ref struct Utf8Output
{
    private const int ChunkSize = 64 * 1024;

    private readonly IBufferWriter<byte> _writer;
    private Span<byte> _chunk;
    private int _used;

    public Utf8Output(IBufferWriter<byte> writer)
    {
        _writer = writer;
        _chunk = default;
        _used = 0;
    }

    public void Write(scoped ReadOnlySpan<byte> utf8)
    {
        Reserve(utf8.Length);
        utf8.CopyTo(_chunk[_used..]);
        _used += utf8.Length;
    }

    public void Write(byte ascii)
    {
        Reserve(1);
        _chunk[_used++] = ascii;
    }

    /// <summary>Writes text that came from outside (names); transcoded, never interpreted.</summary>
    public void WriteText(string text)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        _used += Encoding.UTF8.GetBytes(text, _chunk[_used..]);
    }

    public void WriteNumber(long value)
    {
        Reserve(20);
        value.TryFormat(_chunk[_used..], out var written, default, CultureInfo.InvariantCulture);
        _used += written;
    }

    /// <summary>The exact number of addresses in [first, last].</summary>
    public void WriteAddressCount(UInt128 first, UInt128 last)
    {
        Reserve(AddressCountText.MaxDigits);
        _used += AddressCountText.Format(first, last, _chunk[_used..]);
    }

    /// <summary>UTC, to the second: 2026-08-22T10:15:00Z.</summary>
    public void WriteTimestamp(DateTimeOffset value)
    {
        Reserve(20);
        value.UtcDateTime.TryFormat(_chunk[_used..], out var written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        _used += written;
    }

    public void WriteAddress(IpFamily family, UInt128 value)
    {
        Reserve(IpFormat.MaxAddressChars);
        _used += IpFormat.FormatAddress(family, value, _chunk[_used..]);
    }

    public void WriteRange(IpRange range, RangeStyle style)
    {
        Reserve(IpFormat.MaxRangeChars + 4);
        _used += IpFormat.FormatRange(range, _chunk[_used..], style);
    }

    /// <summary>Room for at least <paramref name="bytes"/> bytes to format a whole line into; then call <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int bytes)
    {
        Reserve(bytes);
        return _chunk[_used..];
    }

    /// <summary>Commits <paramref name="bytes"/> bytes written into the span from <see cref="GetSpan"/>.</summary>
    public void Advance(int bytes) => _used += bytes;

    /// <summary>Hands everything written so far to the buffer writer.</summary>
    public void Flush()
    {
        if (_used > 0)
        {
            _writer.Advance(_used);
        }

        _chunk = default;
        _used = 0;
    }

    private void Reserve(int bytes)
    {
        if (_chunk.Length - _used >= bytes)
        {
            return;
        }

        Flush();
        _chunk = _writer.GetSpan(Math.Max(bytes, ChunkSize));
    }
}
