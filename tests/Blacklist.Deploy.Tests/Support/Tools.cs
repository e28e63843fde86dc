using System.Diagnostics;

namespace Blacklist.Deploy.Tests.Support;

internal sealed record ToolResult(int ExitCode, string StdOut, string StdErr)
{
    public string Output => StdOut + StdErr;
}

/// <summary>
/// The command-line tools these tests drive. A missing tool fails the test with how to install it:
/// CI installs them (scripts/test-deps.sh). Where they cannot be had, as in the Dockerfile's test
/// stage, BLACKLIST_ALLOW_MISSING_TOOLS=1 lets such a test pass after saying what it did not check.
/// </summary>
internal static class Tools
{
    public const string AllowMissingVariable = "BLACKLIST_ALLOW_MISSING_TOOLS";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public static bool MissingAllowed => Environment.GetEnvironmentVariable(AllowMissingVariable) == "1";

    /// <summary>The tool's full path, or null when it is missing and that is allowed (the caller returns).</summary>
    public static string? Require(string name, string howToInstall, ITestOutputHelper output)
    {
        var path = Find(name);
        if (path is not null)
        {
            return path;
        }

        if (MissingAllowed)
        {
            output.WriteLine($"NOT CHECKED: {name} is not on PATH and {AllowMissingVariable}=1.");
            return null;
        }

        Assert.Fail($"{name} is not on PATH: {howToInstall} (or set {AllowMissingVariable}=1 to pass without this check).");
        return null;
    }

    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs a tool in the repository root and collects its output.</summary>
    public static async Task<ToolResult> RunAsync(
        string file,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} ran longer than {timeout ?? DefaultTimeout}");
        }

        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }
}
