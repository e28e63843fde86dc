using Blacklist.Data.Model;
using Blacklist.Data.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Hosting;

/// <summary>
/// Creates the context type of the configured provider (each carries its own migrations) where the
/// stores ask for the provider-neutral <see cref="BlacklistDbContext"/>.
/// </summary>
internal sealed class BlacklistContextFactory(DbContextOptions<BlacklistDbContext> contextOptions, DataOptions options) : IDbContextFactory<BlacklistDbContext>
{
    public BlacklistDbContext CreateDbContext()
        => options.Provider == DatabaseProviders.Postgres ? new PostgresBlacklistDbContext(contextOptions) : new BlacklistDbContext(contextOptions);
}
