using Blacklist.Server.Security;
using Blacklist.Server.Tests.Infrastructure;
using Blacklist.Testing;

namespace Blacklist.Server.Tests.Replicas;

/// <summary>
/// One replica: the built `blacklist` server as its own process on its own loopback port, configured
/// only by environment variables, as an operator runs a pod. Stopped by PID on dispose.
/// </summary>
internal sealed class ReplicaProcess : IDisposable
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private ExternalProcess _process;

    private ReplicaProcess(string name, int port, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        Port = port;
        _environment = environment;
        DataDirectory = Directory.CreateTempSubdirectory($"blacklist-replica-{name}-").FullName;
        _process = Launch();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
    }

    public string Name { get; }

    public int Port { get; }

    public string DataDirectory { get; }

    public HttpClient Client { get; }

    /// <summary>The server's process id (changes on <see cref="RestartAsync"/>).</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote so far, for assertion messages.</summary>
    public string Output => _process.Output;

    /// <summary>The `blacklist.dll` built next to the tests (the server project is referenced, so it is always there).</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "blacklist.dll");

    /// <summary>Starts a replica with <paramref name="environment"/> plus its own port and data directory.</summary>
    public static ReplicaProcess Start(string name, IReadOnlyDictionary<string, string> environment)
        => new(name, FreePort.Next(), environment);

    /// <summary>Sends every later request with this API key.</summary>
    public void UseApiKey(string key)
    {
        Client.DefaultRequestHeaders.Remove(SecuritySchemes.ApiKeyHeader);
        Client.DefaultRequestHeaders.Add(SecuritySchemes.ApiKeyHeader, key);
    }

    /// <summary>Waits until /ready answers 200 (a snapshot is served).</summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout)
        => ServerReadiness.WaitAsync(Client, $"Replica {Name}", () => _process.HasExited, () => Output, timeout);

    /// <summary>SIGKILL, as when a node dies or the OOM killer strikes: no shutdown code runs, nothing is released cleanly.</summary>
    public async Task KillHardAsync()
    {
        _process.Signal(9);
        (await _process.WaitForExitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue($"replica {Name} (PID {ProcessId}) survived SIGKILL");
    }

    /// <summary>Starts the replica again on the same port and data directory, as Kubernetes restarts a pod.</summary>
    public async Task RestartAsync(TimeSpan readyTimeout)
    {
        _process.Dispose();
        _process = Launch();
        await WaitUntilReadyAsync(readyTimeout);
    }

    public void Dispose()
    {
        Client.Dispose();
        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary directory left behind does no harm.
        }
    }

    private ExternalProcess Launch()
    {
        var environment = new Dictionary<string, string>(_environment, StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["Blacklist__DataDirectory"] = DataDirectory,
        };
        return ExternalProcess.Start("dotnet", [Executable], DataDirectory, environment);
    }
}
