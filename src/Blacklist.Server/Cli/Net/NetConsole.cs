namespace Blacklist.Server.Cli.Net;

/// <summary>The standard streams of a `net` run, replaceable in tests.</summary>
internal sealed record NetConsole(Func<Stream> OpenInput, Stream Output, TextWriter Error)
{
    /// <summary>Output is written in large blocks: 1M lines go out in a few dozen writes.</summary>
    public const int OutputBufferSize = 1 << 18;

    public static NetConsole Standard() => new(
        Console.OpenStandardInput,
        Console.OpenStandardOutput(),
        new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false), 1 << 14) { AutoFlush = false });
}
