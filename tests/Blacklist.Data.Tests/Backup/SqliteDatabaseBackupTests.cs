using Blacklist.Data.Backup;
using Blacklist.Data.Contracts;
using Blacklist.Data.Hosting;
using Blacklist.Data.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Data.Tests.Backup;

/// <summary>The SQLite backup in-process: a consistent snapshot beside an open writer, and a restore of it.</summary>
public sealed class SqliteDatabaseBackupTests : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("blacklist-sqlite-backup-").FullName;
    private readonly List<ServiceProvider> _providers = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_backup_beside_an_open_write_transaction_holds_the_committed_rows_only_and_restores_them()
    {
        var source = await MigratedAsync("source");
        var backups = Path.Combine(_root, "backups");
        var database = new SqliteConnectionStringBuilder(source.GetRequiredService<DataOptions>().ConnectionString).DataSource;
        await ExecuteAsync(database, "INSERT INTO settings (key, value, updated_at) VALUES ('committed', 'yes', 0);");

        // A writer in the middle of a transaction: WAL lets the backup read the last committed state.
        await using (var writer = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await writer.OpenAsync();
            await using var transaction = await writer.BeginTransactionAsync();
            await using (var insert = writer.CreateCommand())
            {
                insert.CommandText = "INSERT INTO settings (key, value, updated_at) VALUES ('uncommitted', 'no', 0);";
                await insert.ExecuteNonQueryAsync();
            }

            var file = await DatabaseBackups.For(source).BackupAsync(backups, keep: 5, CancellationToken.None);
            Path.GetFileName(file.Path).ShouldBe("blacklist-2026-08-22T120000.000Z.db");
            await transaction.CommitAsync();
        }

        var target = await MigratedAsync("target");
        var targetDatabase = new SqliteConnectionStringBuilder(target.GetRequiredService<DataOptions>().ConnectionString).DataSource;
        var restore = DatabaseBackups.For(target);
        await target.DisposeAsync(); // the restore refuses while connections (even pooled ones) are open
        SqliteConnection.ClearAllPools();

        var restored = await restore.RestoreAsync(Directory.GetFiles(backups, "*.db").Single(), CancellationToken.None);

        restored.Target.ShouldBe(targetDatabase);
        restored.PreviousCopy.ShouldBe(targetDatabase + ".pre-restore");
        (await SettingKeysAsync(targetDatabase)).ShouldBe(["committed"]);
        (await SettingKeysAsync(database)).ShouldBe(["committed", "uncommitted"]);
    }

    [Fact]
    public async Task A_database_too_damaged_to_open_can_be_replaced()
    {
        var source = await MigratedAsync("source");
        var backups = Path.Combine(_root, "backups");
        var file = await DatabaseBackups.For(source).BackupAsync(backups, keep: 5, CancellationToken.None);
        var target = await MigratedAsync("target");
        var restore = DatabaseBackups.For(target);
        var targetDatabase = new SqliteConnectionStringBuilder(target.GetRequiredService<DataOptions>().ConnectionString).DataSource;
        await target.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(targetDatabase, "this is no longer a database");

        await restore.RestoreAsync(file.Path, CancellationToken.None);

        (await File.ReadAllBytesAsync(targetDatabase)).ShouldBe(await File.ReadAllBytesAsync(file.Path));
        (await File.ReadAllTextAsync(targetDatabase + ".pre-restore")).ShouldBe("this is no longer a database");
    }

    private async Task<ServiceProvider> MigratedAsync(string name)
    {
        var directory = Path.Combine(_root, name);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "sqlite" }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 8, 22, 12, 0, 0, TimeSpan.Zero)))
            .AddBlacklistData(configuration, directory)
            .AddBlacklistSecurityData()
            .BuildServiceProvider();
        _providers.Add(services);
        await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await services.MigrateSecuritySchemaAsync(CancellationToken.None);
        return services;
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> SettingKeysAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM settings ORDER BY key;";
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
