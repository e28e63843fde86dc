using Blacklist.Data.Contracts;
using Blacklist.Data.Hosting;
using Blacklist.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Data.Tests.Infrastructure;

/// <summary>
/// A migrated store in its own temporary directory (SQLite, or a fresh PostgreSQL database when
/// BLACKLIST_TEST_PROVIDER=postgres), with a fake clock and a counting notifier.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private TestDatabase(string directory, ServiceProvider services, FakeTimeProvider time, CountingNotifier notifier)
    {
        Directory = directory;
        this.services = services;
        Time = time;
        Notifier = notifier;
    }

    public static DateTimeOffset Start { get; } = new(2026, 8, 22, 12, 0, 0, TimeSpan.Zero);

    public string Directory { get; }

    public FakeTimeProvider Time { get; }

    public CountingNotifier Notifier { get; }

    public IIndicatorStore Indicators => services.GetRequiredService<IIndicatorStore>();

    public IAllowlistStore Allowlist => services.GetRequiredService<IAllowlistStore>();

    public IAuditLog Audit => services.GetRequiredService<IAuditLog>();

    public ICollectionRunStore Runs => services.GetRequiredService<ICollectionRunStore>();

    public ISettingsStore Settings => services.GetRequiredService<ISettingsStore>();

    public ISourceRegistry Sources => services.GetRequiredService<ISourceRegistry>();

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public static async Task<TestDatabase> CreateAsync(IDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "blacklist-data-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(await SharedPostgres.SettingsForAsync(directory))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var time = new FakeTimeProvider(Start);
        var notifier = new CountingNotifier();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSingleton<IDataChangeNotifier>(notifier);
        collection.AddBlacklistData(configuration, directory);
        var provider = collection.BuildServiceProvider();
        await provider.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new TestDatabase(directory, provider, time, notifier);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
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

internal sealed class CountingNotifier : IDataChangeNotifier
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void NotifyChanged() => Interlocked.Increment(ref count);
}
