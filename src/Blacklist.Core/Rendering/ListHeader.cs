namespace Blacklist.Core.Rendering;

/// <summary>The `#` comment lines at the top of the formats that allow comments.</summary>
internal static class ListHeader
{
    /// <summary>
    /// "# NAME, version V, generated T: N entries", then the cap note when a cap dropped entries.
    /// </summary>
    public static void Write(ref Utf8Output output, RenderInput input, long entries)
    {
        output.Write("# "u8);
        output.WriteText(FirewallSetNames.Base(input.Name));
        output.Write(", version "u8);
        output.WriteNumber(input.Version);
        output.Write(", generated "u8);
        output.WriteTimestamp(input.GeneratedAt);
        output.Write(": "u8);
        output.WriteNumber(entries);
        output.Write(" entries\n"u8);
        if (input.TotalBeforeCap is not null)
        {
            output.Write("# "u8);
            WriteCapNote(ref output, input, entries);
            output.Write((byte)'\n');
        }
    }

    /// <summary>"capped: N of M entries served, D dropped" (no comment mark, no line end).</summary>
    public static void WriteCapNote(ref Utf8Output output, RenderInput input, long entries)
    {
        var total = input.TotalBeforeCap ?? entries;
        output.Write("capped: "u8);
        output.WriteNumber(entries);
        output.Write(" of "u8);
        output.WriteNumber(total);
        output.Write(" entries served, "u8);
        output.WriteNumber(Math.Max(0, total - entries));
        output.Write(" dropped"u8);
    }
}
