using System.Buffers;

namespace Blacklist.Core.Parsing.Text;

/// <summary>
/// Reads UTF-8 lines from a stream through one pooled buffer, with no allocation per line. Strips
/// the UTF-8 BOM and a trailing CR. A line longer than <see cref="MaxLineBytes"/> is skipped to
/// its end and flagged rather than buffered, so a file without newlines cannot exhaust memory.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    public const int MaxLineBytes = 64 * 1024;
    private const int ReadChunk = 64 * 1024;
    private const int PreviewBytes = 60;

    private readonly Stream _input;
    private readonly bool _ownsInput;
    private readonly CancellationToken _cancellationToken;
    private readonly byte[] _preview = new byte[PreviewBytes];
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(MaxLineBytes + 1 + ReadChunk);
    private int _position;
    private int _end;
    private bool _endOfStream;
    private int _lineStart;
    private int _lineLength;

    public Utf8LineReader(Stream input, CancellationToken cancellationToken = default)
        : this(input, ownsInput: false, cancellationToken)
    {
    }

    private Utf8LineReader(Stream input, bool ownsInput, CancellationToken cancellationToken)
    {
        _input = input;
        _ownsInput = ownsInput;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Reads a feed in its declared encoding (a BOM wins) as UTF-8 lines; the feed stream itself is left open.</summary>
    public static Utf8LineReader Open(Stream feed, System.Text.Encoding encoding, CancellationToken cancellationToken)
        => new(FeedEncodings.AsUtf8(feed, encoding), ownsInput: true, cancellationToken);

    /// <summary>1-based number of the current line.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The current line was over the limit; <see cref="Line"/> holds only its first bytes.</summary>
    public bool LineTooLong { get; private set; }

    /// <summary>The current line without its line ending; valid until the next <see cref="ReadLine"/>.</summary>
    public ReadOnlySpan<byte> Line => LineTooLong ? _preview.AsSpan(0, _lineLength) : Buffer.AsSpan(_lineStart, _lineLength);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(Utf8LineReader));

    /// <summary>Moves to the next line; false at the end of the stream.</summary>
    public bool ReadLine()
    {
        LineTooLong = false;
        while (true)
        {
            var available = Buffer.AsSpan(_position, _end - _position);
            var newline = available.IndexOf((byte)'\n');
            if (newline > MaxLineBytes)
            {
                TakePreview();
                _position += newline + 1;
                return true;
            }

            if (newline >= 0)
            {
                SetLine(newline);
                _position += newline + 1;
                return true;
            }

            if (_endOfStream)
            {
                if (available.IsEmpty)
                {
                    return false;
                }

                SetLine(available.Length);
                _position = _end;
                return true;
            }

            if (available.Length > MaxLineBytes)
            {
                SkipOverlongLine();
                return true;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
            if (_ownsInput)
            {
                _input.Dispose();
            }
        }
    }

    private void SetLine(int length)
    {
        LineNumber++;
        _lineStart = _position;
        if (length > 0 && Buffer[_position + length - 1] == '\r')
        {
            length--;
        }

        if (LineNumber == 1 && Buffer.AsSpan(_position, length).StartsWith("\uFEFF"u8))
        {
            _lineStart += 3;
            length -= 3;
        }

        _lineLength = length;
    }

    private void TakePreview()
    {
        LineNumber++;
        LineTooLong = true;
        Buffer.AsSpan(_position, PreviewBytes).CopyTo(_preview);
        _lineLength = PreviewBytes;
    }

    private void SkipOverlongLine()
    {
        TakePreview();
        _position = _end;
        while (!_endOfStream)
        {
            Fill();
            var newline = Buffer.AsSpan(_position, _end - _position).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _position += newline + 1;
                return;
            }

            _position = _end;
        }
    }

    private void Fill()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var buffer = Buffer;
        if (_position > 0)
        {
            buffer.AsSpan(_position, _end - _position).CopyTo(buffer);
            _end -= _position;
            _position = 0;
        }

        var read = _input.Read(buffer, _end, buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }
}
