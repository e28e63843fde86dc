using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Blacklist.Data.Stores;

/// <summary>Small helpers for the raw ADO.NET paths (bulk writes, large reads) that bypass EF tracking.</summary>
internal static class AdoExtensions
{
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>A consistent read that does not block writers (SQLite: a deferred transaction in WAL mode).</summary>
    public static async Task<DbTransaction> BeginReadAsync(this DbConnection connection, CancellationToken cancellationToken)
        => connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    public static string? GetNullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetNullableInt64(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static int? GetNullableInt32(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
}
