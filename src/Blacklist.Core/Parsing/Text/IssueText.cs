using System.Text;

namespace Blacklist.Core.Parsing.Text;

/// <summary>Turns a raw line into text fit for an issue report: decoded, control bytes made visible, shortened.</summary>
internal static class IssueText
{
    private const int MaxChars = 200;

    public static string Of(ReadOnlySpan<byte> line)
    {
        var text = Encoding.UTF8.GetString(line[..Math.Min(line.Length, MaxChars * 4)]);
        var builder = new StringBuilder(Math.Min(text.Length, MaxChars + 1));
        foreach (var c in text)
        {
            if (builder.Length >= MaxChars)
            {
                builder.Append('…');
                break;
            }

            builder.Append(c == '\t' || !char.IsControl(c) ? c : '\uFFFD');
        }

        return builder.ToString();
    }

    public static string TooLong(ReadOnlySpan<byte> preview)
        => $"line is longer than {Utf8LineReader.MaxLineBytes / 1024} KiB (starts '{Of(preview)}…'); a feed line holds one entry, so check that the source serves the right file.";

    public static string Binary(int column)
        => $"line holds a NUL byte at column {column}: this is binary data, not text; check that the source serves the right file.";
}
