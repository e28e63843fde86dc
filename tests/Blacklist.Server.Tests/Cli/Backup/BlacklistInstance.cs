using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Blacklist.Server.Security;
using Blacklist.Server.Tests.Cli.Net;
using Blacklist.Server.Tests.Infrastructure;
using Blacklist.Testing;

namespace Blacklist.Server.Tests.Cli.Backup;

/// <summary>
/// The real `blacklist` executable on its own temporary data directory, as an operator runs it:
/// verbs run to completion, the server listens on a free loopback port. Stopped by PID on dispose.
/// </summary>
internal sealed partial class BlacklistInstance : IAsyncDisposable
{
    private readonly StringBuilder _serverLog = new();
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _server;

    /// <param name="settings">Extra environment variables (configuration), e.g. the database provider.</param>
    public BlacklistInstance(IReadOnlyDictionary<string, string>? settings = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("blacklist-backup-").FullName;
        _settings = settings ?? new Dictionary<string, string>();
    }

    /// <summary>An instance with Database:Provider=postgres on a fresh database of <paramref name="postgres"/>.</summary>
    public static async Task<BlacklistInstance> OnPostgresAsync(PostgresServer postgres, string database = "blacklist")
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var connection = await postgres.CreateDatabaseAsync(database);
        return new BlacklistInstance(new Dictionary<string, string>
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__Blacklist"] = connection,
        });
    }

    public string DataDirectory { get; }

    public string Database => Path.Combine(DataDirectory, "blacklist.db");

    public string BackupDirectory => Path.Combine(DataDirectory, "backups");

    /// <summary>What the server wrote so far, for assertion messages.</summary>
    public string ServerLog
    {
        get
        {
            lock (_serverLog)
            {
                return _serverLog.ToString();
            }
        }
    }

    public Task<NetResult> RunAsync(params string[] arguments)
        => ChildProcess.RunAsync("dotnet", [Dll, .. arguments], environment: Environment(port: null));

    /// <summary>Creates an admin key with `blacklist keys create` and returns it.</summary>
    public async Task<string> CreateAdminKeyAsync()
    {
        var created = await RunAsync("keys", "create", "--name", "backup-test", "--role", "admin");
        created.ExitCode.ShouldBe(0, created.Error);
        var key = KeyLine().Match(created.Output).Groups["key"].Value;
        key.ShouldNotBeNullOrEmpty(created.Output);
        return key;
    }

    /// <summary>Starts the server and returns a client for it (sending <paramref name="apiKey"/>) once /ready answers 200.</summary>
    public async Task<HttpClient> StartServerAsync(string? apiKey = null)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var (name, value) in Environment(port))
        {
            info.Environment[name] = value;
        }

        _server = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        _server.OutputDataReceived += (_, e) => Log(e.Data);
        _server.ErrorDataReceived += (_, e) => Log(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(SecuritySchemes.ApiKeyHeader, apiKey);
        }

        try
        {
            var server = _server;
            await ServerReadiness.WaitAsync(client, "The server", () => server.HasExited, () => ServerLog, TimeSpan.FromSeconds(90));
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task StopServerAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }

            await server.WaitForExitAsync();
            server.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        BlacklistAppFactory.TryDelete(DataDirectory);
    }

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "blacklist.dll");

    private Dictionary<string, string> Environment(int? port)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Blacklist__DataDirectory"] = DataDirectory,
            ["Blacklist__Sources__sample__Enabled"] = "false",
            ["Blacklist__RateLimits__Writes__PermitLimit"] = "1000000",
            ["Blacklist__RateLimits__Feeds__PermitLimit"] = "1000000",
            ["Redis__Configuration"] = "",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in _settings)
        {
            environment[name] = value;
        }

        if (port is { } listen)
        {
            environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{listen}";
        }

        return environment;
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_serverLog)
            {
                _serverLog.AppendLine(line);
            }
        }
    }

    [GeneratedRegex(@"API key \(shown once; store it now\): (?<key>\S+)")]
    private static partial Regex KeyLine();
}
