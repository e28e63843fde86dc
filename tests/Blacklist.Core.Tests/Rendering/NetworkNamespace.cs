using Blacklist.Testing;

namespace Blacklist.Core.Tests.Rendering;

/// <summary>
/// A fresh Linux network namespace (`ip netns add bl-test-…`) in which kernel tools run without
/// touching the host's firewall; deleted, with everything in it, on Dispose.
/// </summary>
internal sealed class NetworkNamespace : IDisposable
{
    private static readonly Lazy<string?> UnavailableReason = new(ProbeOnce);

    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    /// <summary>Why namespaces cannot be used here, or null when they can (or failed for another reason, which the test then shows).</summary>
    public static string? Unavailable => UnavailableReason.Value;

    public static async Task<NetworkNamespace> CreateAsync()
    {
        var name = NewName();
        var (exitCode, output) = await ExternalProcess.RunAsync("ip", ["netns", "add", name]);
        exitCode.ShouldBe(0, $"ip netns add {name}: {output}");
        return new NetworkNamespace(name);
    }

    /// <summary>Runs a command inside the namespace: exit code and combined output.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(string command, params string[] arguments)
        => ExternalProcess.RunAsync("ip", ["netns", "exec", Name, command, .. arguments], TimeSpan.FromMinutes(3));

    /// <summary>Runs a command inside the namespace and requires it to succeed; returns its output.</summary>
    public async Task<string> RunCheckedAsync(string command, params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(command, arguments);
        exitCode.ShouldBe(0, $"{command} {string.Join(' ', arguments)} in {Name}: {output}");
        return output;
    }

    public void Dispose()
        => ExternalProcess.RunAsync("ip", ["netns", "delete", Name]).GetAwaiter().GetResult();

    private static string NewName() => $"bl-test-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    private static string? ProbeOnce()
    {
        var name = NewName();
        try
        {
            var (exitCode, output) = ExternalProcess.RunAsync("ip", ["netns", "add", name]).GetAwaiter().GetResult();
            if (exitCode == 0)
            {
                ExternalProcess.RunAsync("ip", ["netns", "delete", name]).GetAwaiter().GetResult();
                return null;
            }

            return output.Contains("Operation not permitted", StringComparison.OrdinalIgnoreCase)
                || output.Contains("Permission denied", StringComparison.OrdinalIgnoreCase)
                ? $"Network namespaces are not permitted here (ip netns add: {output.Trim()}); the kernel load tests need them."
                : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // `ip` is missing: let the test fail and say so (scripts/test-deps.sh installs iproute2)
        }
    }
}
