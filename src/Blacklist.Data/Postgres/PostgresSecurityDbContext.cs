using Blacklist.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Postgres;

/// <summary>The security model on PostgreSQL; its own context type keeps PostgreSQL's migrations apart from SQLite's.</summary>
internal sealed class PostgresSecurityDbContext(DbContextOptions<SecurityDbContext> options) : SecurityDbContext(options);
