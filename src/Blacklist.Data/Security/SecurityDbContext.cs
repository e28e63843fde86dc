using Blacklist.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Security;

/// <summary>
/// Credentials and their audit trail, on the main database but with its own migrations history
/// (__security_migrations), so the security schema evolves independently of the indicator schema.
/// Provider-neutral: snake_case names, timestamps as Unix milliseconds, roles as integers. This
/// type carries the SQLite migrations; <see cref="Postgres.PostgresSecurityDbContext"/> derives
/// from it to carry PostgreSQL's own.
/// </summary>
internal class SecurityDbContext(DbContextOptions<SecurityDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "__security_migrations";

    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();

    public DbSet<UserRow> Users => Set<UserRow>();

    public DbSet<SecurityAuditRow> Audit => Set<SecurityAuditRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var key = modelBuilder.Entity<ApiKeyRow>();
        key.ToTable("api_keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).HasColumnName("id");
        key.Property(k => k.KeyId).HasColumnName("key_id").HasMaxLength(32);
        key.HasIndex(k => k.KeyId).IsUnique();
        key.Property(k => k.Name).HasColumnName("name").HasMaxLength(100);
        key.Property(k => k.SecretHash).HasColumnName("sha256_hash").HasMaxLength(32);
        key.Property(k => k.Role).HasColumnName("role");
        key.Property(k => k.Scopes).HasColumnName("scopes").HasMaxLength(500);
        key.Property(k => k.AllowedCidrs).HasColumnName("allowed_cidrs").HasMaxLength(2000);
        key.Property(k => k.CreatedAt).HasColumnName("created_at");
        key.Property(k => k.CreatedBy).HasColumnName("created_by").HasMaxLength(100);
        key.Property(k => k.ExpiresAt).HasColumnName("expires_at");
        key.Property(k => k.LastUsedAt).HasColumnName("last_used_at");
        key.Property(k => k.RevokedAt).HasColumnName("revoked_at");

        var user = modelBuilder.Entity<UserRow>();
        user.ToTable("users");
        user.HasKey(u => u.Id);
        user.Property(u => u.Id).HasColumnName("id");
        user.Property(u => u.Name).HasColumnName("name").HasMaxLength(100);
        user.HasIndex(u => u.Name).IsUnique();
        user.Property(u => u.PasswordHash).HasColumnName("password_hash").HasMaxLength(500);
        user.Property(u => u.Role).HasColumnName("role");
        user.Property(u => u.CreatedAt).HasColumnName("created_at");
        user.Property(u => u.Disabled).HasColumnName("disabled");
        user.Property(u => u.FailedLogins).HasColumnName("failed_logins");
        user.Property(u => u.LockedUntil).HasColumnName("locked_until");

        var audit = modelBuilder.Entity<SecurityAuditRow>();
        audit.ToTable("security_audit");
        audit.HasKey(a => a.Id);
        audit.Property(a => a.Id).HasColumnName("id");
        audit.Property(a => a.At).HasColumnName("at");
        audit.HasIndex(a => a.At);
        audit.Property(a => a.Actor).HasColumnName("actor").HasMaxLength(100);
        audit.Property(a => a.Action).HasColumnName("action").HasMaxLength(100);
        audit.Property(a => a.Target).HasColumnName("target").HasMaxLength(200);
        audit.Property(a => a.Details).HasColumnName("details").HasMaxLength(2000);
    }
}
