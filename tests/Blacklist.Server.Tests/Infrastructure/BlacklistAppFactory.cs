using Blacklist.Data.Security;
using Blacklist.Server.Security;
using Blacklist.Server.Snapshots;
using Blacklist.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Server.Tests.Infrastructure;

/// <summary>
/// The whole service in memory (TestServer) on a temporary data directory (and, with
/// BLACKLIST_TEST_PROVIDER=postgres, a fresh PostgreSQL database, see <see cref="SharedPostgres"/>), with a
/// <see cref="FakeTimeProvider"/> and configuration overrides. Snapshots rebuild on every change
/// without debounce, so a test can wait for the next version deterministically.
/// </summary>
public sealed class BlacklistAppFactory : WebApplicationFactory<Program>
{
    /// <summary>The fake clock's start: a fixed, ordinary moment.</summary>
    public static readonly DateTimeOffset Start = new(2026, 8, 22, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly bool _ownsDataDirectory;
    private string? _adminKey;

    /// <param name="dataDirectory">An existing data directory to reuse (a restart), or null for a new temporary one.</param>
    /// <param name="clock">The clock to share with an earlier host (a restart), or null for a new one at <see cref="Start"/>.</param>
    public BlacklistAppFactory(string? dataDirectory = null, FakeTimeProvider? clock = null)
    {
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("blacklist-test-").FullName;
        Time = clock ?? new FakeTimeProvider(Start);
        _settings["Blacklist:DataDirectory"] = DataDirectory;
        _settings["Blacklist:Snapshot:Debounce"] = "00:00:00";
        _settings["Blacklist:Sources:sample:Enabled"] = "false"; // tests bring their own data
        _settings["Logging:LogLevel:Default"] = "Warning";
        _settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning";

        // Security (tests/…/Security): clients are admins by default and budgets are out of the way;
        // the security tests set their own.
        foreach (var policy in new[] { "Feeds", "Search", "Writes", "Login" })
        {
            _settings[$"Blacklist:RateLimits:{policy}:PermitLimit"] = "1000000";
        }
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Keep the data directory on dispose (to start another host on it).</summary>
    public bool KeepDataDirectory { get; set; }

    /// <summary>Sets a configuration value (before the first request or <see cref="Services"/> use).</summary>
    public BlacklistAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Changes the service registrations (after the application's own).</summary>
    public BlacklistAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Adds a source that reads a feed from a <see cref="LocalFeedServer"/> path.</summary>
    public BlacklistAppFactory WithHttpSource(string name, Uri url, string format = "plain", bool enabled = true, string? schedule = null)
    {
        var prefix = $"Blacklist:Sources:{name}:";
        _settings[prefix + "Kind"] = "http";
        _settings[prefix + "Url"] = url.ToString();
        _settings[prefix + "Format"] = format;
        _settings[prefix + "Enabled"] = enabled ? "true" : "false";
        if (schedule is not null)
        {
            _settings[prefix + "Schedule"] = schedule;
        }

        return this;
    }

    /// <summary>
    /// The admin API key that clients from <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> send
    /// in X-API-Key, created through the key store when the first client is made.
    /// </summary>
    public string AdminKey => _adminKey ??= CreateKey(AdminKeyName, SecurityRole.Admin);

    /// <summary>What the audit log records as the actor of requests made with <see cref="AdminKey"/>.</summary>
    public const string AdminActor = "key:" + AdminKeyName;

    private const string AdminKeyName = "test-admin";

    /// <summary>Creates an API key through the store (the host is started if it was not) and returns its text.</summary>
    public string CreateKey(string name, SecurityRole role, DateTimeOffset? expiresAt = null, params string[] allowedCidrs)
    {
        var keys = Services.GetRequiredService<IApiKeyStore>();
        return Task.Run(() => keys.CreateAsync(new ApiKeyRequest(name, role, expiresAt, allowedCidrs), "test", CancellationToken.None))
            .GetAwaiter().GetResult().Key;
    }

    /// <summary>A client without the default admin key.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(SecuritySchemes.ApiKeyHeader);
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(SecuritySchemes.ApiKeyHeader, AdminKey);
    }

    internal SnapshotHolder Snapshots => Services.GetRequiredService<SnapshotHolder>();

    /// <summary>The version being served now (the host is started if it was not).</summary>
    public long CurrentVersion => Snapshots.Current?.Snapshot.Version ?? 0;

    /// <summary>Waits (real time, bounded) until a snapshot newer than <paramref name="version"/> is served.</summary>
    internal async Task<PublishedSnapshot> WaitForSnapshotAfterAsync(long version)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Snapshots.WaitForNewerAsync(version, timeout.Token);
    }

    /// <summary>Runs a change and waits until the snapshot that follows it is served.</summary>
    public async Task<T> ChangeAndWaitAsync<T>(Func<Task<T>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var before = CurrentVersion;
        var result = await change();
        await WaitForSnapshotAfterAsync(before);
        return result;
    }

    /// <summary>Moves the fake clock forward and waits until the snapshot it makes due is served.</summary>
    public async Task AdvanceAndWaitForRebuildAsync(TimeSpan by)
    {
        var before = CurrentVersion;
        Time.Advance(by);
        await WaitForSnapshotAfterAsync(before);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // BLACKLIST_TEST_PROVIDER=postgres runs the same suite on PostgreSQL: each data directory gets
        // its own database on the shared test server (the same one again when a host restarts on it).
        // Settings a test made itself win.
        var provider = Task.Run(() => SharedPostgres.SettingsForAsync(DataDirectory)).GetAwaiter().GetResult();
        foreach (var (key, value) in provider.Where(setting => !_settings.ContainsKey(setting.Key)))
        {
            builder.UseSetting(key, value);
        }

        // Host settings reach Program as command-line arguments, so they are seen by code that reads
        // configuration before the host is built (the data directory, sources).
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataDirectory && !KeepDataDirectory)
        {
            TryDelete(DataDirectory);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDataDirectory && !KeepDataDirectory)
        {
            TryDelete(DataDirectory);
        }
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (SQLite's WAL) only leaves a temp folder behind.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
