using System.Diagnostics;

namespace Blacklist.Server.Tests.Cli.Net;

/// <summary>Runs a program to completion with optional standard input, keeping stdout and stderr apart.</summary>
internal static class ChildProcess
{
    public static async Task<NetResult> RunAsync(string fileName, IEnumerable<string> arguments, string? stdin = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', info.ArgumentList)} did not finish within two minutes.");
        }

        return new NetResult(process.ExitCode, await output, await error);
    }

    /// <summary>The `blacklist` executable built next to the tests, run the way an operator runs it.</summary>
    public static Task<NetResult> BlacklistAsync(string? stdin, params string[] arguments)
        => RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "blacklist.dll"), .. arguments], stdin);

    /// <summary>A file under the repository's tests/data, found by walking up from the test binaries.</summary>
    public static string TestData(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"tests/data/{name} was not found above {AppContext.BaseDirectory}.");
    }
}
