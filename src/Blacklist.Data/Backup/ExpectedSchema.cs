using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Blacklist.Data.Backup;

/// <summary>
/// What one EF Core model puts into the database, read from the model itself so that it cannot
/// drift from the code: its tables, its migrations history table and the migrations this build knows.
/// An optional schema (the credentials, created when the server first starts) is checked only when
/// its history table is there.
/// </summary>
internal sealed record ExpectedSchema(string Name, string HistoryTable, IReadOnlySet<string> Tables, IReadOnlySet<string> KnownMigrations, bool Optional)
{
    public static ExpectedSchema Of(string name, DbContext db, bool optional = false)
    {
        var history = RelationalOptionsExtension.Extract(db.GetService<IDbContextOptions>()).MigrationsHistoryTableName
            ?? HistoryRepository.DefaultTableName;
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new ExpectedSchema(name, history, tables, db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal), optional);
    }

    /// <summary>The tables a backup must hold, the history table included.</summary>
    public IEnumerable<string> RequiredTables => Tables.Append(HistoryTable);

    /// <summary>Whether a database holding <paramref name="tables"/> must match this schema.</summary>
    public bool AppliesTo(IReadOnlySet<string> tables) => !Optional || tables.Contains(HistoryTable);
}
