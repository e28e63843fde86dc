using System.Text.Json;
using Blacklist.Data.Contracts;
using Blacklist.Data.Model;
using Blacklist.Data.Postgres;
using Blacklist.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Blacklist.Data.Stores;

internal sealed class CollectionRunStore(DataWriter writer) : ICollectionRunStore
{
    /// <summary>The failure kind and error of a run whose process stopped before it finished.</summary>
    public const string AbandonedKind = "Abandoned";

    public const string AbandonedError = "abandoned: the replica running it stopped before it finished; nothing it fetched was applied";

    /// <summary>The statuses of a run that has not ended.</summary>
    private static readonly string[] OpenStatuses = [nameof(RunStatus.Queued), nameof(RunStatus.Running)];

    private static readonly string[] AppliedStatuses = [nameof(RunStatus.Succeeded), nameof(RunStatus.Accepted)];

    public async Task<long> CreateAsync(NewRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var row = new CollectionRunRow
        {
            Source = run.Source,
            Trigger = run.Trigger,
            Status = nameof(RunStatus.Queued),
            Actor = run.Actor,
            QueuedAt = run.QueuedAt,
            Parameters = run.Parameters.Count == 0 ? null : JsonSerializer.Serialize(run.Parameters),
        };
        await writer.SaveAsync(
            db =>
            {
                db.CollectionRuns.Add(row);
                if (run.Actor is not null)
                {
                    AuditTrigger(db, run);
                }

                return Task.CompletedTask;
            },
            cancellationToken);
        return row.Id;
    }

    public Task MarkRunningAsync(long runId, DateTimeOffset startedAt, CancellationToken cancellationToken)
        => writer.SaveAsync(
            async db =>
            {
                var row = await FindAsync(db, runId, cancellationToken);
                row.Status = nameof(RunStatus.Running);
                row.StartedAt = startedAt;
            },
            cancellationToken);

    public Task<RunCounts> ApplyAsync(RunApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return writer.WriteAsync(
            async db =>
            {
                await ClaimOpenRunAsync(db, application.RunId, cancellationToken);
                await EnsureSourceAsync(db, application.Source, application.Kind, application.SeenAt, cancellationToken);
                var counts = await UpsertAsync(db, application, cancellationToken);

                var now = writer.Time.GetUtcNow();
                var run = await FindAsync(db, application.RunId, cancellationToken);
                run.Status = nameof(RunStatus.Succeeded);
                run.FinishedAt = now;
                run.NotModified = application.NotModified;
                run.Note = application.Note;
                run.IssuesSample = SerializeIssues(application.Issues);
                SetCounts(run, counts);
                await AcceptRefusedAsync(db, application, now, cancellationToken);

                // Older refused runs can no longer be accepted once a newer run applied data.
                await db.RunPayloads.Where(p => p.Source == application.Source).ExecuteDeleteAsync(cancellationToken);
                return counts;
            },
            cancellationToken);
    }

    public Task FinishUnappliedAsync(RunFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.Status is not (RunStatus.Failed or RunStatus.Refused))
        {
            throw new ArgumentException($"a run that changes nothing ends failed or refused, not {failure.Status}", nameof(failure));
        }

        return writer.SaveAsync(
            async db =>
            {
                var run = await FindAsync(db, failure.RunId, cancellationToken);
                run.Status = failure.Status.ToString();
                run.FinishedAt = failure.FinishedAt;
                run.Error = failure.Error;
                run.FailureKind = failure.FailureKind;
                run.Note = failure.Note;
                run.IssuesSample = SerializeIssues(failure.Issues);
                SetCounts(run, failure.Counts);
                if (failure.RefusedPayload is { } payload)
                {
                    db.RunPayloads.Add(new RunPayloadRow
                    {
                        RunId = failure.RunId,
                        Source = run.Source,
                        Observations = failure.RefusedObservations,
                        Content = payload,
                        CreatedAt = failure.FinishedAt,
                    });
                }
            },
            cancellationToken);
    }

    public Task<CollectionRun?> GetAsync(long runId, CancellationToken cancellationToken)
        => writer.ReadAsync(
            async db =>
            {
                var row = await db.CollectionRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
                return row is null ? null : ToRun(row);
            },
            cancellationToken);

    public Task<IReadOnlyList<CollectionRun>> ListAsync(string? source, int limit, CancellationToken cancellationToken)
        => writer.ReadAsync<IReadOnlyList<CollectionRun>>(
            async db =>
            {
                var query = db.CollectionRuns.AsNoTracking();
                if (source is not null)
                {
                    query = query.Where(r => r.Source == source);
                }

                var rows = await query.OrderByDescending(r => r.Id).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(cancellationToken);
                return rows.Select(ToRun).ToList();
            },
            cancellationToken);

    public Task<IReadOnlyDictionary<string, SourceSummary>> GetSummariesAsync(CancellationToken cancellationToken)
        => writer.ReadAsync<IReadOnlyDictionary<string, SourceSummary>>(
            async db =>
            {
                var lastIds = await db.CollectionRuns.GroupBy(r => r.Source).Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken);
                var lastRuns = await db.CollectionRuns.AsNoTracking().Where(r => lastIds.Contains(r.Id)).ToListAsync(cancellationToken);
                var lastSuccess = await db.CollectionRuns
                    .Where(r => AppliedStatuses.Contains(r.Status) && r.FinishedAt != null)
                    .GroupBy(r => r.Source)
                    .Select(g => new { Source = g.Key, At = g.Max(r => r.FinishedAt) })
                    .ToListAsync(cancellationToken);

                // Only the small runs table: active counts per source come from the served snapshot
                // (counting them here scanned every indicator on each status or health request).
                return lastRuns.ToDictionary(
                    run => run.Source,
                    run => new SourceSummary(run.Source, ToRun(run), lastSuccess.FirstOrDefault(s => s.Source == run.Source)?.At),
                    StringComparer.Ordinal);
            },
            cancellationToken);

    public Task<long?> GetPreviousCountAsync(string source, CancellationToken cancellationToken)
        => writer.ReadAsync(
            async db => await db.CollectionRuns.AsNoTracking()
                .Where(r => r.Source == source && AppliedStatuses.Contains(r.Status) && !r.NotModified)
                .OrderByDescending(r => r.Id)
                .Select(r => (long?)r.Parsed)
                .FirstOrDefaultAsync(cancellationToken),
            cancellationToken);

    public Task<byte[]?> GetRefusedPayloadAsync(long runId, CancellationToken cancellationToken)
        => writer.ReadAsync(
            async db => await db.RunPayloads.AsNoTracking().Where(p => p.RunId == runId).Select(p => p.Content).FirstOrDefaultAsync(cancellationToken),
            cancellationToken);

    public async Task<int> AbandonUnfinishedAsync(DateTimeOffset now, string? source, CancellationToken cancellationToken)
    {
        var abandoned = 0;
        await writer.SaveAsync(
            async db =>
            {
                abandoned = await db.CollectionRuns
                    .Where(r => OpenStatuses.Contains(r.Status) && (source == null || r.Source == source))
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(r => r.Status, nameof(RunStatus.Failed))
                            .SetProperty(r => r.FinishedAt, now)
                            .SetProperty(r => r.FailureKind, AbandonedKind)
                            .SetProperty(r => r.Error, AbandonedError),
                        cancellationToken);
            },
            cancellationToken);
        return abandoned;
    }

    /// <summary>A person's trigger is a privileged action: audited with the parameter names only (an OTP is a secret).</summary>
    private static void AuditTrigger(BlacklistDbContext db, NewRun run)
        => DataWriter.Audit(
            db,
            run.QueuedAt,
            run.Actor!,
            "collection.trigger",
            run.Source,
            run.Parameters.Count == 0 ? run.Trigger : $"{run.Trigger} with {string.Join(", ", run.Parameters.Keys.Order(StringComparer.Ordinal))}");

    private static async Task AcceptRefusedAsync(BlacklistDbContext db, RunApplication application, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (application.AcceptsRunId is not { } refusedId)
        {
            return;
        }

        var refused = await FindAsync(db, refusedId, cancellationToken);
        if (refused.Status != nameof(RunStatus.Refused))
        {
            throw new InvalidOperationException($"run {refusedId} is {refused.Status.ToLowerInvariant()}, not refused; only a refused run can be accepted");
        }

        var actor = application.Actor ?? "anonymous";
        refused.Status = nameof(RunStatus.Accepted);
        refused.Note = $"accepted by {actor} and applied by run {application.RunId}";
        DataWriter.Audit(db, now, actor, "collection.accept", refused.Source, $"refused run {refusedId} applied by run {application.RunId}: {refused.Error}");
    }

    /// <summary>
    /// Fences a run's apply against a replica that took its source over: the run must still be queued
    /// or running, and the no-op update keeps its row locked until this transaction ends, so abandoning
    /// it (<see cref="AbandonUnfinishedAsync"/>) happens wholly before this apply or after it commits.
    /// </summary>
    private static async Task ClaimOpenRunAsync(BlacklistDbContext db, long runId, CancellationToken cancellationToken)
    {
        var claimed = await db.CollectionRuns
            .Where(r => r.Id == runId && OpenStatuses.Contains(r.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, r => r.Status), cancellationToken);
        if (claimed == 0)
        {
            var status = await db.CollectionRuns.Where(r => r.Id == runId).Select(r => r.Status).FirstOrDefaultAsync(cancellationToken)
                ?? throw new KeyNotFoundException($"collection run {runId} does not exist");
            throw new RunAlreadyEndedException(
                $"run {runId} was already {status.ToLowerInvariant()} when its data arrived: another replica took its source over; nothing was applied");
        }
    }

    private static async Task EnsureSourceAsync(BlacklistDbContext db, string source, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.Sources.AnyAsync(s => s.Name == source, cancellationToken))
        {
            db.Sources.Add(new SourceRow { Name = source, Kind = kind, CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The provider's set-based bulk path (SQLite: prepared staging; PostgreSQL: binary COPY), in the open transaction.</summary>
    private static Task<RunCounts> UpsertAsync(BlacklistDbContext db, RunApplication application, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        return (db.Database.GetDbConnection(), transaction) switch
        {
            (SqliteConnection sqlite, SqliteTransaction open) => application.NotModified
                ? SqliteIndicatorUpsert.TouchAsync(sqlite, open, application, cancellationToken)
                : SqliteIndicatorUpsert.ApplyAsync(sqlite, open, application, cancellationToken),
            (NpgsqlConnection npgsql, NpgsqlTransaction open) => application.NotModified
                ? PostgresIndicatorUpsert.TouchAsync(npgsql, open, application, cancellationToken)
                : PostgresIndicatorUpsert.ApplyAsync(npgsql, open, application, cancellationToken),
            var (other, _) => throw new NotSupportedException($"no bulk upsert for {other.GetType().Name}"),
        };
    }

    private static async Task<CollectionRunRow> FindAsync(BlacklistDbContext db, long runId, CancellationToken cancellationToken)
        => await db.CollectionRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new KeyNotFoundException($"collection run {runId} does not exist");

    private static void SetCounts(CollectionRunRow run, RunCounts counts)
    {
        run.Fetched = counts.Fetched;
        run.Bytes = counts.Bytes;
        run.Parsed = counts.Parsed;
        run.Rejected = counts.Rejected;
        run.Added = counts.Added;
        run.Updated = counts.Updated;
        run.Withdrawn = counts.Withdrawn;
        run.Unchanged = counts.Unchanged;
    }

    private static string? SerializeIssues(IReadOnlyList<RunIssue> issues)
        => issues.Count == 0 ? null : JsonSerializer.Serialize(issues.Take(RunIssue.SampleSize));

    private static CollectionRun ToRun(CollectionRunRow row) => new(row.Id, row.Source, row.Trigger, Enum.Parse<RunStatus>(row.Status), row.QueuedAt)
    {
        Actor = row.Actor,
        StartedAt = row.StartedAt,
        FinishedAt = row.FinishedAt,
        NotModified = row.NotModified,
        Counts = new RunCounts(row.Fetched, row.Bytes, row.Parsed, row.Rejected, row.Added, row.Updated, row.Withdrawn, row.Unchanged),
        Error = row.Error,
        FailureKind = row.FailureKind,
        Note = row.Note,
        Parameters = row.Parameters is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(row.Parameters) ?? [],
        Issues = row.IssuesSample is null ? [] : JsonSerializer.Deserialize<List<RunIssue>>(row.IssuesSample) ?? [],
    };
}
