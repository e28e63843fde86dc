using Blacklist.Data.Hosting;
using Blacklist.Data.Security;
using Blacklist.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Data.Tests.Security;

/// <summary>The main and security schemas migrated the way the host does it (hosted services, in order), on a temporary SQLite file (or PostgreSQL database, see <see cref="SharedPostgres"/>).</summary>
internal sealed class SecurityDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SecurityDatabase(string directory, ServiceProvider services, FakeTimeProvider time)
    {
        Directory = directory;
        _services = services;
        Time = time;
    }

    public static DateTimeOffset Start { get; } = new(2026, 8, 22, 12, 0, 0, TimeSpan.Zero);

    public string Directory { get; }

    public FakeTimeProvider Time { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<SecurityDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "blacklist-security-tests", Guid.NewGuid().ToString("N"));
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddBlacklistData(new ConfigurationBuilder().AddInMemoryCollection(await SharedPostgres.SettingsForAsync(directory)).Build(), directory);
        services.AddBlacklistSecurityData();
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new SecurityDatabase(directory, provider, time);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
