using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Blacklist.Data.Hosting;
using Npgsql;

namespace Blacklist.Server.Collection;

/// <summary>
/// Runs of a source exclusive across replicas on one PostgreSQL database: a session advisory lock
/// per source, taken on a dedicated unpooled connection that stays open for the run (a pooled
/// connection would go back to the pool still holding it). When the replica dies its session ends
/// and the lock is free for another replica: at once when the process is killed, within about half
/// a minute (server-side keepalives) when its host vanishes.
/// </summary>
internal sealed class PostgresSourceRunLocks(DataOptions options) : ISourceRunLocks
{
    /// <summary>
    /// The first half of the two-key advisory lock ("blru" in ASCII); the second is a hash of the
    /// source name. Two-key locks never collide with the single-key lock of collection leadership.
    /// </summary>
    public const int LockClass = 0x626C7275;

    // The leadership lock's session settings (unpooled, client and server keepalives, so a vanished
    // replica's lock is freed in seconds), under a name of its own in pg_stat_activity.
    private readonly string connectionString = new NpgsqlConnectionStringBuilder(PostgresAdvisoryLeadership.LockConnectionString(options.ConnectionString))
    {
        ApplicationName = "blacklist-source-run",
    }.ConnectionString;

    public bool SpanReplicas => true;

    /// <summary>The lock key of a source: the same in every replica and every release (xxHash32 of its UTF-8 name).</summary>
    public static int KeyOf(string source) => unchecked((int)XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(source)));

    public async Task<SourceRunLock?> TryTakeAsync(string source, TimeSpan wait, CancellationToken cancellationToken)
    {
        var session = new NpgsqlConnection(connectionString);
        try
        {
            await session.OpenAsync(cancellationToken);
            var key = KeyOf(source);
            if (await TakeAsync(session, key, wait, cancellationToken))
            {
                return new SourceRunLock(session, string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_unlock({LockClass}, {key})"));
            }
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        await session.DisposeAsync();
        return null;
    }

    // Without a wait, pg_try_advisory_lock answers at once. With one, the server queues this session
    // behind the holder and grants the lock the moment it is released; lock_timeout bounds the wait.
    private static async Task<bool> TakeAsync(NpgsqlConnection session, int key, TimeSpan wait, CancellationToken cancellationToken)
    {
        var waitMilliseconds = (long)Math.Ceiling(wait.TotalMilliseconds);
        var sql = waitMilliseconds > 0
            ? string.Create(CultureInfo.InvariantCulture, $"SET lock_timeout = {waitMilliseconds}; SELECT pg_advisory_lock(@class, @key) IS NOT NULL")
            : "SELECT pg_try_advisory_lock(@class, @key)";
        await using var command = new NpgsqlCommand(sql, session);
        command.Parameters.AddWithValue("class", LockClass);
        command.Parameters.AddWithValue("key", key);
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken) is true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }
    }
}
