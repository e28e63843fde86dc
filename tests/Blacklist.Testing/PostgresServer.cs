using System.Diagnostics;

namespace Blacklist.Testing;

/// <summary>
/// A real PostgreSQL server for tests: initdb and pg_ctl in a temporary directory (as the `postgres` user
/// when running as root, since PostgreSQL refuses to run as root), listening on a free loopback
/// port, stopped by PID and deleted on dispose. Stop/Start keep the data for outage tests.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _binDirectory;
    private PostgresServer(string binDirectory, string dataDirectory, int port)
    {
        _binDirectory = binDirectory;
        DataDirectory = dataDirectory;
        Port = port;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>Connection string for a database on this server (default: postgres).</summary>
    public string ConnectionString(string database = "postgres")
        => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=5;Command Timeout=60";

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinDirectory()
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: run `apt-get install postgresql` (scripts/test-deps.sh does).");
        var root = Path.Combine(Path.GetTempPath(), "bl-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var data = Path.Combine(root, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunCheckedAsync("chown", ["-R", "postgres:postgres", root]);
        }

        await RunCheckedAsync(asRoot ? "runuser" : Path.Combine(bin, "initdb"), Wrap(asRoot, Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"]));
        var server = new PostgresServer(bin, data, FreePort.Next());
        await server.StartAgainAsync();
        StopWhenThisProcessEnds(root, data);
        return server;
    }

    /// <summary>Starts the server (again) on the same data directory and port; pg_ctl waits until it accepts queries.</summary>
    public async Task StartAgainAsync()
    {
        var port = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var options = $"-p {port} -k {DataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            + "-c full_page_writes=off -c max_connections=200 -c shared_buffers=128MB";
        await PgCtlAsync(["start", "-w", "-t", "60", "-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-o", options]);
    }

    /// <summary>Stops the server (fast shutdown, by the PID in postmaster.pid), keeping its data.</summary>
    public async Task StopAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await PgCtlAsync(["stop", "-w", "-t", "60", "-m", "fast", "-D", DataDirectory]);
        }
    }

    /// <summary>Creates a fresh database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, bool existingIsFine = false)
    {
        var createdb = Path.Combine(_binDirectory, "createdb");
        string[] args = ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", name];
        var (code, output) = await ExternalProcess.RunAsync(createdb, args);
        if (code != 0 && !(existingIsFine && output.Contains("already exists", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"{createdb} {string.Join(' ', args)} failed ({code}): {output}");
        }

        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Path.GetDirectoryName(DataDirectory)!, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind does no harm.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// The test runner may end the test process before its exit handlers run (a targeted `dotnet
    /// test`), which would leave the server running: a shell outside this process tree (setsid --fork)
    /// waits for this process to end, then stops the server by the PID in postmaster.pid (SIGINT: fast
    /// shutdown) and deletes its directory.
    /// </summary>
    private static void StopWhenThisProcessEnds(string root, string data)
    {
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 2; done; "
            + $"pid=$(head -n1 '{data}/postmaster.pid') && kill -INT \"$pid\" && for _ in $(seq 1 100); do kill -0 \"$pid\" || break; sleep 0.2; done; "
            + $"rm -rf '{root}'";
        var start = new ProcessStartInfo("setsid", ["--fork", "sh", "-c", script])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var watcher = Process.Start(start);
    }

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private Task PgCtlAsync(string[] args)
    {
        var pgCtl = Path.Combine(_binDirectory, "pg_ctl");
        var asRoot = Environment.UserName == "root";
        return RunCheckedAsync(asRoot ? "runuser" : pgCtl, Wrap(asRoot, pgCtl, args));
    }

    private static string[] Wrap(bool asRoot, string program, string[] args)
        => asRoot ? ["-u", "postgres", "--", program, .. args] : args;

    private static async Task RunCheckedAsync(string program, string[] args)
    {
        var (code, output) = await ExternalProcess.RunAsync(program, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({code}): {output}");
        }
    }
}
