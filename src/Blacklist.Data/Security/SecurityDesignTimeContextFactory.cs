using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Blacklist.Data.Security;

/// <summary>Lets `dotnet ef migrations add --context SecurityDbContext` build the SQLite model without the host.</summary>
internal sealed class SecurityDesignTimeContextFactory : IDesignTimeDbContextFactory<SecurityDbContext>
{
    public SecurityDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SecurityDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsHistoryTable(SecurityDbContext.HistoryTable))
            .Options;
        return new SecurityDbContext(options);
    }
}
