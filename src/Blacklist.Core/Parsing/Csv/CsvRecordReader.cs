using System.Buffers;
using System.Text;
using Blacklist.Core.Parsing.Lists;
using Blacklist.Core.Parsing.Text;

namespace Blacklist.Core.Parsing.Csv;

/// <summary>What <see cref="CsvRecordReader.Read"/> found.</summary>
internal enum CsvLineKind
{
    End,
    Blank,

    /// <summary>A line starting with '#': not split unless asked (<see cref="CsvRecordReader.SplitComment"/>).</summary>
    Comment,
    Record,

    /// <summary>An unusable record; <see cref="CsvRecordReader.Error"/> says why.</summary>
    Rejected,
}

/// <summary>
/// Splits CSV records (RFC 4180: quoted fields, quotes doubled inside them, line breaks inside
/// quotes) from UTF-8 lines. A record may not grow past the line limit.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private const byte Quote = (byte)'"';

    private readonly Utf8LineReader _lines;
    private readonly byte _delimiter;
    private readonly SearchValues<byte> _fieldEnd;
    private byte[] _field = ArrayPool<byte>.Shared.Rent(1024);
    private int _fieldLength;
    private byte[] _raw = ArrayPool<byte>.Shared.Rent(1024);
    private int _rawLength;

    public CsvRecordReader(Utf8LineReader lines, byte delimiter)
    {
        _lines = lines;
        _delimiter = delimiter;
        _fieldEnd = SearchValues.Create([delimiter, Quote]);
    }

    /// <summary>The fields of the current record, untrimmed.</summary>
    public List<string> Fields { get; } = [];

    /// <summary>The line the current record starts on.</summary>
    public int LineNumber { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The record's raw text (its lines joined by '\n'), for issue reports.</summary>
    public ReadOnlySpan<byte> Raw => _raw.AsSpan(0, _rawLength);

    public CsvLineKind Read()
    {
        Fields.Clear();
        _fieldLength = 0;
        _rawLength = 0;
        Error = null;
        if (!_lines.ReadLine())
        {
            return CsvLineKind.End;
        }

        LineNumber = _lines.LineNumber;
        var line = _lines.Line;
        Append(ref _raw, ref _rawLength, line);
        if (_lines.LineTooLong)
        {
            Error = IssueText.TooLong(line);
            return CsvLineKind.Rejected;
        }

        var trimmed = AddressLine.Trim(line);
        if (trimmed.IsEmpty)
        {
            return CsvLineKind.Blank;
        }

        if (trimmed[0] == '#')
        {
            return CsvLineKind.Comment;
        }

        var nul = line.IndexOf((byte)0);
        if (nul >= 0)
        {
            Error = IssueText.Binary(nul + 1);
            return CsvLineKind.Rejected;
        }

        var inQuotes = Split(line, inQuotes: false);
        while (inQuotes)
        {
            // A quoted field goes on past the line end: the line break is part of the field.
            if (!_lines.ReadLine())
            {
                Error = $"a quoted field opened on line {LineNumber} is never closed; end it with '\"' and write a quote inside a field as \"\".";
                return CsvLineKind.Rejected;
            }

            line = _lines.Line;
            if (_lines.LineTooLong || _rawLength + line.Length > Utf8LineReader.MaxLineBytes)
            {
                Error = $"a quoted field opened on line {LineNumber} runs past {Utf8LineReader.MaxLineBytes / 1024} KiB (to line {_lines.LineNumber}); a quote is probably missing.";
                return CsvLineKind.Rejected;
            }

            Append(ref _raw, ref _rawLength, "\n"u8);
            Append(ref _raw, ref _rawLength, line);
            Append(ref _field, ref _fieldLength, "\n"u8);
            inQuotes = Split(line, inQuotes: true);
        }

        EndField();
        return CsvLineKind.Record;
    }

    /// <summary>Splits the current comment line's text after '#' into <see cref="Fields"/> (a header may hide there).</summary>
    public void SplitComment()
    {
        Fields.Clear();
        _fieldLength = 0;
        var text = AddressLine.Trim(Raw);
        Split(text[1..], inQuotes: false);
        EndField();
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_field);
        ArrayPool<byte>.Shared.Return(_raw);
        _field = [];
        _raw = [];
    }

    /// <summary>Splits one line into fields; returns true when it ends inside a quoted field.</summary>
    private bool Split(ReadOnlySpan<byte> line, bool inQuotes)
    {
        var i = 0;
        while (i < line.Length)
        {
            var rest = line[i..];
            if (inQuotes)
            {
                var quote = rest.IndexOf(Quote);
                if (quote < 0)
                {
                    Append(ref _field, ref _fieldLength, rest);
                    return true;
                }

                Append(ref _field, ref _fieldLength, rest[..quote]);
                i += quote + 1;
                if (i < line.Length && line[i] == Quote)
                {
                    Append(ref _field, ref _fieldLength, "\""u8);
                    i++;
                }
                else
                {
                    inQuotes = false;
                }

                continue;
            }

            var stop = rest.IndexOfAny(_fieldEnd);
            if (stop < 0)
            {
                Append(ref _field, ref _fieldLength, rest);
                return false;
            }

            Append(ref _field, ref _fieldLength, rest[..stop]);
            i += stop + 1;
            if (rest[stop] == _delimiter)
            {
                EndField();
            }
            else if (AddressLine.Trim(_field.AsSpan(0, _fieldLength)).IsEmpty)
            {
                _fieldLength = 0;
                inQuotes = true;
            }
            else
            {
                // A quote inside an unquoted field is taken literally.
                Append(ref _field, ref _fieldLength, "\""u8);
            }
        }

        return inQuotes;
    }

    private void EndField()
    {
        Fields.Add(Encoding.UTF8.GetString(_field, 0, _fieldLength));
        _fieldLength = 0;
    }

    private static void Append(ref byte[] buffer, ref int length, ReadOnlySpan<byte> bytes)
    {
        if (length + bytes.Length > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + bytes.Length));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }
}
