using System.Buffers;
using System.Text;
using Blacklist.Core.Addresses;
using Blacklist.Core.Rendering;

namespace Blacklist.Core.Tests.Rendering;

/// <summary>Renders to text, and reads text lists back, for the rendering tests.</summary>
internal static class Rendered
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 8, 22, 10, 15, 0, TimeSpan.Zero);

    /// <summary>
    /// A mixed set: a single address, a CIDR block, ranges that are not blocks (7.7.7.1-9 and
    /// 10.0.0.0-2), and their IPv6 counterparts.
    /// </summary>
    public static IpSet Sample { get; } = Set(
        "10.0.0.0-10.0.0.2", "7.7.7.1-7.7.7.9", "5.6.0.0/16", "1.2.3.4",
        "2001:db8:2::1-2001:db8:2::3", "2001:db8:1::/48", "2001:db8::1");

    public static RenderInput Input(IpSet set, long? totalBeforeCap = null, string name = "active")
        => new(set) { Name = name, Version = 42, GeneratedAt = GeneratedAt, TotalBeforeCap = totalBeforeCap };

    public static string Text(ListFormat format, RenderInput input) => Encoding.UTF8.GetString(Bytes(format, input));

    public static byte[] Bytes(ListFormat format, RenderInput input)
    {
        var buffer = new ArrayBufferWriter<byte>();
        ListRenderers.For(format).Render(input, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static IpSet Set(params string[] entries) => IpSet.FromRanges(entries.Select(Range));

    public static IpRange Range(string text)
    {
        var result = IpRangeParser.Parse(text);
        result.Success.ShouldBeTrue($"'{text}': {result.Error}");
        result.Warning.ShouldBeNull($"'{text}' should be written in normal form");
        return result.Range;
    }

    /// <summary>
    /// Reads a one-entry-per-line list back: `#` lines are comments, and text after the first space
    /// is a comment (the PAN-OS rule). Every other line must parse with <see cref="IpRangeParser"/>.
    /// </summary>
    public static IpSet ParseLines(string text)
    {
        var builder = new IpSetBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            builder.Add(Range(space < 0 ? line : line[..space]));
        }

        return builder.Build();
    }

    public static void ShouldEqual(this IpSet actual, IpSet expected)
        => actual.Ranges().ToList().ShouldBe(expected.Ranges().ToList());
}
