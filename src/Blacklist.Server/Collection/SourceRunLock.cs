using System.Data.Common;

namespace Blacklist.Server.Collection;

/// <summary>
/// A held run lock of one source. On PostgreSQL it is the session that holds the advisory lock:
/// disposing unlocks it there and closes the session, and the session's end releases it too when
/// the process dies.
/// </summary>
internal sealed class SourceRunLock(DbConnection? session, string? unlockSql = null) : IAsyncDisposable, IDisposable
{
    /// <summary>The lock of a single process, where the coordinator's own bookkeeping is the whole rule.</summary>
    public static SourceRunLock InProcess { get; } = new(null);

    public async ValueTask DisposeAsync()
    {
        if (session is null)
        {
            return;
        }

        try
        {
            // Unlocked explicitly: the server ends a closed session a moment after the client hangs
            // up, and another replica asking in that moment would find the source still held.
            if (unlockSql is not null && session.State == System.Data.ConnectionState.Open)
            {
                await using var unlock = session.CreateCommand();
                unlock.CommandText = unlockSql;
                await unlock.ExecuteNonQueryAsync();
            }
        }
        catch (DbException)
        {
            // The session is broken: its end releases the lock.
        }
        finally
        {
            await session.DisposeAsync();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
