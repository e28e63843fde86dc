using System.Buffers;

namespace Blacklist.Core.Tests.Rendering;

/// <summary>
/// A buffer writer that hands out exactly the memory asked for (at least one byte) and checks that
/// no more is advanced than was handed out, to catch a renderer writing past its span.
/// </summary>
internal sealed class StingyBufferWriter : IBufferWriter<byte>
{
    private readonly MemoryStream _written = new();
    private byte[] _current = [];

    public byte[] Written => _written.ToArray();

    public void Advance(int count)
    {
        count.ShouldBeLessThanOrEqualTo(_current.Length, "advanced past the memory handed out");
        _written.Write(_current, 0, count);
        _current = [];
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        _current = new byte[Math.Max(sizeHint, 1)];
        return _current;
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
}
