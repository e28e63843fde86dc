using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Blacklist.Data.Model;

/// <summary>Lets `dotnet ef migrations add` build the SQLite model without the host.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<BlacklistDbContext>
{
    public BlacklistDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<BlacklistDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsHistoryTable(BlacklistDbContext.HistoryTable))
            .Options;
        return new BlacklistDbContext(options);
    }
}
