using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Blacklist.Data.Postgres;

/// <summary>How every context is put on PostgreSQL, at run time and at design time alike.</summary>
internal static class PostgresProvider
{
    /// <summary>`dotnet ef migrations add` builds the model only; it never connects.</summary>
    public const string DesignTimeConnection = "Host=localhost;Database=blacklist_design_time";

    /// <summary>
    /// Npgsql's default strategy wraps a lost connection in an InvalidOperationException; the plain
    /// non-retrying one lets the <see cref="System.Data.Common.DbException"/> through, as SQLite does,
    /// so the host answers an outage with 503 on either provider. Writes are not retried: the
    /// client decides (the answer says nothing was changed).
    /// </summary>
    public static DbContextOptionsBuilder UsePostgres(this DbContextOptionsBuilder builder, string connectionString, string historyTable)
        => builder.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsHistoryTable(historyTable)
            .ExecutionStrategy(dependencies => new NonRetryingExecutionStrategy(dependencies)));
}
