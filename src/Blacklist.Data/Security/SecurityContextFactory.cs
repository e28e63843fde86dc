using Blacklist.Data.Hosting;
using Blacklist.Data.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Security;

/// <summary>Creates the security context type of the configured provider (each carries its own migrations).</summary>
internal sealed class SecurityContextFactory(DbContextOptions<SecurityDbContext> contextOptions, DataOptions options) : IDbContextFactory<SecurityDbContext>
{
    public SecurityDbContext CreateDbContext()
        => options.Provider == DatabaseProviders.Postgres ? new PostgresSecurityDbContext(contextOptions) : new SecurityDbContext(contextOptions);
}
