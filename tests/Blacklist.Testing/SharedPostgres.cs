using System.Security.Cryptography;
using System.Text;

namespace Blacklist.Testing;

/// <summary>
/// Chooses the database the test suites run on: SQLite unless BLACKLIST_TEST_PROVIDER=postgres, in
/// which case one PostgreSQL server is started for the whole test run (on first use, stopped when
/// the test process exits) and every test store gets a fresh database on it.
/// </summary>
public static class SharedPostgres
{
    public const string ProviderVariable = "BLACKLIST_TEST_PROVIDER";

    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when this test run targets PostgreSQL.</summary>
    public static bool Selected
        => string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The connection string of the database that belongs to <paramref name="key"/> (e.g. a data
    /// directory), created empty on first use; the same key reaches the same database again, so a
    /// restarted host finds its data.
    /// </summary>
    public static async Task<string> DatabaseForAsync(string key)
    {
        var server = await Server.Value;
        var name = "bl_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
        var connection = await server.CreateDatabaseAsync(name, existingIsFine: true);

        // Hundreds of short-lived hosts share one server: idle pooled connections of finished tests
        // are closed within seconds instead of Npgsql's five minutes, so max_connections is never reached.
        return connection + ";Maximum Pool Size=20;Connection Idle Lifetime=2;Connection Pruning Interval=1";
    }

    /// <summary>Settings that put a host on its own fresh PostgreSQL database, or none for SQLite.</summary>
    public static async Task<IDictionary<string, string?>> SettingsForAsync(string key)
        => Selected
            ? new Dictionary<string, string?> { ["Database:Provider"] = "postgres", ["ConnectionStrings:Blacklist"] = await DatabaseForAsync(key) }
            : new Dictionary<string, string?>();

    private static async Task<PostgresServer> StartAsync()
    {
        var server = await PostgresServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
