namespace Blacklist.Testing;

/// <summary>
/// A real redis-server for tests on a free loopback port, without persistence; Stop/StartAgain
/// simulate an outage on the same port.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private ExternalProcess? _process;

    private RedisServer(int port)
    {
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000";

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists("/usr/bin/redis-server"))
        {
            throw new InvalidOperationException("redis-server not found: run `apt-get install redis-server` (scripts/test-deps.sh does).");
        }

        var server = new RedisServer(FreePort.Next());
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        _process = ExternalProcess.Start("/usr/bin/redis-server",
        [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--daemonize", "no",
        ]);
        await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(15), () => _process.Output);
    }

    public void Stop()
    {
        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();
}
