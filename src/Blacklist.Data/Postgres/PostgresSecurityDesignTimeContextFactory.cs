using Blacklist.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Blacklist.Data.Postgres;

/// <summary>Lets `dotnet ef migrations add --context PostgresSecurityDbContext -o Security/Migrations/Postgres` build the PostgreSQL model without a server.</summary>
internal sealed class PostgresSecurityDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgresSecurityDbContext>
{
    public PostgresSecurityDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SecurityDbContext>();
        builder.UsePostgres(PostgresProvider.DesignTimeConnection, SecurityDbContext.HistoryTable);
        return new PostgresSecurityDbContext(builder.Options);
    }
}
