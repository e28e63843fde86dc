using System.Text;
using Blacklist.Core.Parsing.Text;

namespace Blacklist.Core.Tests.Parsing.Text;

public sealed class Utf8LineReaderTests
{
    [Fact]
    public void Splits_lf_and_crlf_lines_and_keeps_a_last_line_without_newline()
        => ReadAll("\uFEFFa\r\nb\n\nc").ShouldBe([(1, "a"), (2, "b"), (3, ""), (4, "c")]);

    [Fact]
    public void Skips_an_overlong_line_to_its_end_and_goes_on()
    {
        var lines = ReadAll("first\n" + new string('x', Utf8LineReader.MaxLineBytes + 10) + "\nlast\n");

        lines.Select(l => l.Number).ShouldBe([1, 2, 3]);
        lines[1].Text.ShouldBe(new string('x', 60));
        lines[2].Text.ShouldBe("last");
    }

    [Fact]
    public void A_line_of_exactly_the_limit_is_read_whole()
    {
        var line = new string('y', Utf8LineReader.MaxLineBytes);

        ReadAll(line + "\nz").ShouldBe([(1, line), (2, "z")]);
    }

    [Fact]
    public void Lines_longer_than_one_read_are_assembled_across_reads()
    {
        // A stream that hands out 7 bytes at a time: lines straddle every read.
        var text = string.Join("\n", Enumerable.Range(0, 50).Select(i => $"10.0.{i}.1 # entry {i}"));
        using var input = new TrickleStream(Encoding.UTF8.GetBytes(text), 7);
        using var reader = new Utf8LineReader(input);
        var lines = new List<string>();
        while (reader.ReadLine())
        {
            lines.Add(Encoding.UTF8.GetString(reader.Line));
        }

        lines.ShouldBe(text.Split('\n'));
    }

    private static List<(int Number, string Text)> ReadAll(string text)
    {
        using var reader = new Utf8LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var lines = new List<(int, string)>();
        while (reader.ReadLine())
        {
            lines.Add((reader.LineNumber, Encoding.UTF8.GetString(reader.Line)));
        }

        return lines;
    }

    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}
