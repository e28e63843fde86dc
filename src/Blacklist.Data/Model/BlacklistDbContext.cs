using Blacklist.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blacklist.Data.Model;

/// <summary>
/// The provider-neutral model. Table and column names are snake_case and spelled out here so that
/// every provider's schema matches; timestamps are Unix milliseconds (see <see cref="UnixTime"/>).
/// This type carries the SQLite migrations; <see cref="Postgres.PostgresBlacklistDbContext"/>
/// derives from it to carry PostgreSQL's own.
/// </summary>
internal class BlacklistDbContext(DbContextOptions<BlacklistDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "schema_migrations";

    public DbSet<SourceRow> Sources => Set<SourceRow>();

    public DbSet<IndicatorRow> Indicators => Set<IndicatorRow>();

    public DbSet<AllowlistRow> Allowlist => Set<AllowlistRow>();

    public DbSet<CollectionRunRow> CollectionRuns => Set<CollectionRunRow>();

    public DbSet<RunPayloadRow> RunPayloads => Set<RunPayloadRow>();

    public DbSet<AuditEventRow> AuditEvents => Set<AuditEventRow>();

    public DbSet<SettingRow> Settings => Set<SettingRow>();

    public DbSet<SourceStateRow> SourceState => Set<SourceStateRow>();

    public DbSet<ChangeCounterRow> ChangeCounter => Set<ChangeCounterRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureSources(modelBuilder.Entity<SourceRow>());
        ConfigureIndicators(modelBuilder.Entity<IndicatorRow>());
        ConfigureAllowlist(modelBuilder.Entity<AllowlistRow>());
        ConfigureRuns(modelBuilder.Entity<CollectionRunRow>());
        ConfigurePayloads(modelBuilder.Entity<RunPayloadRow>());
        ConfigureAudit(modelBuilder.Entity<AuditEventRow>());
        ConfigureSettings(modelBuilder.Entity<SettingRow>());
        ConfigureSourceState(modelBuilder.Entity<SourceStateRow>());
        ConfigureChangeCounter(modelBuilder.Entity<ChangeCounterRow>());
    }

    private static void ConfigureSources(EntityTypeBuilder<SourceRow> source)
    {
        source.ToTable("sources");
        source.HasKey(s => s.Name);
        source.Property(s => s.Name).HasColumnName("name").HasMaxLength(100);
        source.Property(s => s.Kind).HasColumnName("kind").HasMaxLength(50);
        source.Property(s => s.Enabled).HasColumnName("enabled");
        source.Property(s => s.CreatedAt).HasColumnName("created_at");
    }

    private static void ConfigureIndicators(EntityTypeBuilder<IndicatorRow> indicator)
    {
        indicator.ToTable("indicators");
        indicator.HasKey(i => i.Id);
        indicator.Property(i => i.Id).HasColumnName("id").ValueGeneratedOnAdd();
        indicator.Property(i => i.Source).HasColumnName("source").HasMaxLength(100);
        indicator.Property(i => i.Family).HasColumnName("family");
        indicator.Property(i => i.RangeStart).HasColumnName("range_start").HasMaxLength(RangeBytes.Length);
        indicator.Property(i => i.RangeEnd).HasColumnName("range_end").HasMaxLength(RangeBytes.Length);
        indicator.Property(i => i.RangeText).HasColumnName("range_text").HasMaxLength(100);
        indicator.Property(i => i.Reason).HasColumnName("reason");
        indicator.Property(i => i.Category).HasColumnName("category").HasMaxLength(100);
        indicator.Property(i => i.Country).HasColumnName("country").HasMaxLength(100);
        indicator.Property(i => i.Confidence).HasColumnName("confidence");
        indicator.Property(i => i.Score).HasColumnName("score");
        indicator.Property(i => i.DetectedAt).HasColumnName("detected_at");
        indicator.Property(i => i.FirstSeen).HasColumnName("first_seen");
        indicator.Property(i => i.LastSeen).HasColumnName("last_seen");
        indicator.Property(i => i.ReleasedAt).HasColumnName("released_at");
        indicator.Property(i => i.ExpiresAt).HasColumnName("expires_at");
        indicator.Property(i => i.RemovedAt).HasColumnName("removed_at");
        indicator.Property(i => i.Attributes).HasColumnName("attributes");
        indicator.HasIndex(i => new { i.Source, i.Family, i.RangeStart, i.RangeEnd })
            .IsUnique()
            .HasDatabaseName("ux_indicators_source_range");
        indicator.HasIndex(i => i.ExpiresAt).HasDatabaseName("ix_indicators_expires_at");
        indicator.HasIndex(i => i.RemovedAt).HasDatabaseName("ix_indicators_removed_at");
        indicator.HasOne<SourceRow>().WithMany().HasForeignKey(i => i.Source).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_indicators_sources_source");
    }

    private static void ConfigureAllowlist(EntityTypeBuilder<AllowlistRow> allow)
    {
        allow.ToTable("allowlist");
        allow.HasKey(a => a.Id);
        allow.Property(a => a.Id).HasColumnName("id").ValueGeneratedOnAdd();
        allow.Property(a => a.Family).HasColumnName("family");
        allow.Property(a => a.RangeStart).HasColumnName("range_start").HasMaxLength(RangeBytes.Length);
        allow.Property(a => a.RangeEnd).HasColumnName("range_end").HasMaxLength(RangeBytes.Length);
        allow.Property(a => a.RangeText).HasColumnName("range_text").HasMaxLength(100);
        allow.Property(a => a.Reason).HasColumnName("reason");
        allow.Property(a => a.CreatedAt).HasColumnName("created_at");
        allow.Property(a => a.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
        allow.Property(a => a.ExpiresAt).HasColumnName("expires_at");
    }

    private static void ConfigureRuns(EntityTypeBuilder<CollectionRunRow> run)
    {
        run.ToTable("collection_runs");
        run.HasKey(r => r.Id);
        run.Property(r => r.Id).HasColumnName("id").ValueGeneratedOnAdd();
        run.Property(r => r.Source).HasColumnName("source").HasMaxLength(100);
        run.Property(r => r.Trigger).HasColumnName("trigger").HasMaxLength(20);
        run.Property(r => r.Status).HasColumnName("status").HasMaxLength(20);
        run.Property(r => r.Actor).HasColumnName("actor").HasMaxLength(200);
        run.Property(r => r.QueuedAt).HasColumnName("queued_at");
        run.Property(r => r.StartedAt).HasColumnName("started_at");
        run.Property(r => r.FinishedAt).HasColumnName("finished_at");
        run.Property(r => r.NotModified).HasColumnName("not_modified");
        run.Property(r => r.Fetched).HasColumnName("fetched");
        run.Property(r => r.Bytes).HasColumnName("bytes");
        run.Property(r => r.Parsed).HasColumnName("parsed");
        run.Property(r => r.Rejected).HasColumnName("rejected");
        run.Property(r => r.Added).HasColumnName("added");
        run.Property(r => r.Updated).HasColumnName("updated");
        run.Property(r => r.Withdrawn).HasColumnName("withdrawn");
        run.Property(r => r.Unchanged).HasColumnName("unchanged");
        run.Property(r => r.Error).HasColumnName("error");
        run.Property(r => r.FailureKind).HasColumnName("failure_kind").HasMaxLength(50);
        run.Property(r => r.Note).HasColumnName("note");
        run.Property(r => r.Parameters).HasColumnName("parameters");
        run.Property(r => r.IssuesSample).HasColumnName("issues_sample");
        run.HasIndex(r => new { r.Source, r.Id }).HasDatabaseName("ix_collection_runs_source_id");
    }

    private static void ConfigurePayloads(EntityTypeBuilder<RunPayloadRow> payload)
    {
        payload.ToTable("run_payloads");
        payload.HasKey(p => p.RunId);
        payload.Property(p => p.RunId).HasColumnName("run_id").ValueGeneratedNever();
        payload.Property(p => p.Source).HasColumnName("source").HasMaxLength(100);
        payload.Property(p => p.Observations).HasColumnName("observations");
        payload.Property(p => p.Content).HasColumnName("content");
        payload.Property(p => p.CreatedAt).HasColumnName("created_at");
        payload.HasOne<CollectionRunRow>().WithOne().HasForeignKey<RunPayloadRow>(p => p.RunId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_run_payloads_collection_runs_run_id");
    }

    private static void ConfigureAudit(EntityTypeBuilder<AuditEventRow> audit)
    {
        audit.ToTable("audit_events");
        audit.HasKey(a => a.Id);
        audit.Property(a => a.Id).HasColumnName("id").ValueGeneratedOnAdd();
        audit.Property(a => a.At).HasColumnName("at");
        audit.Property(a => a.Actor).HasColumnName("actor").HasMaxLength(200);
        audit.Property(a => a.Action).HasColumnName("action").HasMaxLength(100);
        audit.Property(a => a.Target).HasColumnName("target").HasMaxLength(200);
        audit.Property(a => a.Details).HasColumnName("details");
        audit.HasIndex(a => a.At).HasDatabaseName("ix_audit_events_at");
    }

    private static void ConfigureSettings(EntityTypeBuilder<SettingRow> setting)
    {
        setting.ToTable("settings");
        setting.HasKey(s => s.Key);
        setting.Property(s => s.Key).HasColumnName("key").HasMaxLength(100);
        setting.Property(s => s.Value).HasColumnName("value");
        setting.Property(s => s.UpdatedAt).HasColumnName("updated_at");
    }

    private static void ConfigureSourceState(EntityTypeBuilder<SourceStateRow> state)
    {
        state.ToTable("source_state");
        state.HasKey(s => new { s.Source, s.Key });
        state.Property(s => s.Source).HasColumnName("source").HasMaxLength(100);
        state.Property(s => s.Key).HasColumnName("key").HasMaxLength(100);
        state.Property(s => s.Value).HasColumnName("value");
        state.Property(s => s.UpdatedAt).HasColumnName("updated_at");
    }

    private static void ConfigureChangeCounter(EntityTypeBuilder<ChangeCounterRow> counter)
    {
        counter.ToTable("change_counter");
        counter.HasKey(c => c.Id);
        counter.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        counter.Property(c => c.Value).HasColumnName("value");
        counter.HasData(new ChangeCounterRow { Id = ChangeCounterRow.SingletonId, Value = 0 });
    }
}
