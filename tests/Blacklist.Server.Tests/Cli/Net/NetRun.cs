using System.Text;
using Blacklist.Server.Cli;
using Blacklist.Server.Cli.Net;

namespace Blacklist.Server.Tests.Cli.Net;

/// <summary>Runs the `net` verb in-process through its command-line parser, with memory streams for stdin, stdout and stderr.</summary>
internal static class NetRun
{
    public static async Task<NetResult> InvokeAsync(string? stdin, params string[] args)
    {
        using var output = new MemoryStream();
        await using var error = new StringWriter();
        var console = new NetConsole(() => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty)), output, error);
        var exitCode = await NetCommand.Create(() => console).Parse(args).InvokeAsync();
        return new NetResult(exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}

internal sealed record NetResult(int ExitCode, string Output, string Error)
{
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
