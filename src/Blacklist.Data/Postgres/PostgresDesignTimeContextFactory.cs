using Blacklist.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Blacklist.Data.Postgres;

/// <summary>Lets `dotnet ef migrations add --context PostgresBlacklistDbContext -o Migrations/Postgres` build the PostgreSQL model without the host or a server.</summary>
internal sealed class PostgresDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgresBlacklistDbContext>
{
    public PostgresBlacklistDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<BlacklistDbContext>();
        builder.UsePostgres(PostgresProvider.DesignTimeConnection, BlacklistDbContext.HistoryTable);
        return new PostgresBlacklistDbContext(builder.Options);
    }
}
