using System.Collections.Concurrent;
using System.Globalization;
using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Scheduling;
using Blacklist.Core.Guard;
using Blacklist.Core.Parsing;
using Blacklist.Data.Contracts;

namespace Blacklist.Server.Collection;

/// <summary>
/// Executes one recorded run: running → collect → guard → apply in one transaction → succeeded,
/// or failed / refused with the reason, leaving stored data untouched. One run at a time per source.
/// </summary>
internal sealed class CollectionRunner(
    SourceCatalog catalog,
    IEnumerable<ISourceCollector> collectors,
    ICollectionRunStore runs,
    TimeProvider time,
    ILogger<CollectionRunner> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> perSource = new(StringComparer.Ordinal);

    public async Task<CollectionRun> ExecuteAsync(CollectionWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var gate = perSource.GetOrAdd(item.Source, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await runs.MarkRunningAsync(item.RunId, time.GetUtcNow(), cancellationToken);
            await RunAsync(item, cancellationToken);
        }
        finally
        {
            gate.Release();
        }

        return await runs.GetAsync(item.RunId, CancellationToken.None)
            ?? throw new InvalidOperationException($"run {item.RunId} vanished from the store");
    }

    private async Task RunAsync(CollectionWorkItem item, CancellationToken cancellationToken)
    {
        var source = DefinitionFor(item);
        ISourceCollector? collector = null;
        try
        {
            if (item.AcceptsRunId is { } refusedId)
            {
                await AcceptAsync(item, source, refusedId, cancellationToken);
                return;
            }

            collector = CollectorFor(item, source);
            var context = new CollectionContext(item.Source, SettingsFor(item, source), item.Parameters, item.Trigger);
            var data = await collector.CollectAsync(context, cancellationToken);
            await ApplyOrRefuseAsync(item, source, collector, data, cancellationToken);
        }
        catch (CollectionException e)
        {
            await FailAsync(item, collector, e.Kind.ToString(), e.Message, cancellationToken);
        }
        catch (RunAlreadyEndedException e)
        {
            // The run's record already says how it ended (abandoned); only what was fetched is forgotten.
            await ForgetFetchAsync(collector, item.Source);
            CollectionLog.EndedElsewhere(logger, item.RunId, item.Source, e.Message);
            CollectionMetrics.Failed(item.Source);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await FailAsync(item, collector, "Interrupted", "the service stopped during this run; nothing it fetched was applied", CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            CollectionLog.Crashed(logger, e, item.RunId, item.Source);
            await FailAsync(item, collector, CollectionFailure.Other.ToString(), $"unexpected error: {e.Message}", cancellationToken);
        }
    }

    private async Task ApplyOrRefuseAsync(CollectionWorkItem item, SourceDefinition source, ISourceCollector collector, CollectedData data, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var application = new RunApplication(item.RunId, item.Source, source.Kind, now, source.Lifetime)
        {
            FullList = item.Import?.FullList ?? source.FullList,
            DefaultConfidence = source.Confidence,
            DefaultCategory = source.Category,
            Note = data.Note,
        };
        if (data.NotModified)
        {
            await runs.ApplyAsync(application with { NotModified = true, Note = data.Note ?? "not modified" }, cancellationToken);
            CollectionLog.NotModified(logger, item.RunId, item.Source);
            CollectionMetrics.Succeeded(item.Source, now);
            return;
        }

        var rejected = data.Issues.Where(i => i.Kind == ParseIssueKind.Rejected).ToList();
        var counts = new RunCounts(Math.Max(data.Fetched, data.Observations.Count + rejected.Count), data.Bytes, data.Observations.Count, rejected.Count, 0, 0, 0, 0);
        var issues = rejected.Take(RunIssue.SampleSize).Select(i => new RunIssue(i.LineNumber, i.Message, i.Line)).ToList();
        if (data.Observations.Count == 0 && rejected.Count > 0)
        {
            throw new CollectionException(
                CollectionFailure.Unparseable,
                string.Create(CultureInfo.InvariantCulture, $"none of the {rejected.Count} lines could be read as an address (first problem: {rejected[0]}); check the source's Format setting and that the URL serves a feed"));
        }

        // Size checks compare with the last full list; an incremental source or an import has no such baseline.
        var previous = application.FullList && item.Import is null ? await runs.GetPreviousCountAsync(item.Source, cancellationToken) : null;
        var verdict = CollectionGuard.Evaluate(new GuardInput(data.Observations, rejected.Count, previous), source.Guard);
        if (!verdict.Accepted)
        {
            await runs.FinishUnappliedAsync(
                new RunFailure(item.RunId, RunStatus.Refused, time.GetUtcNow(), verdict.ToString())
                {
                    FailureKind = "Guard",
                    Counts = counts,
                    Issues = issues,
                    Note = "refused by the guard; POST /api/collection/runs/{id}/accept applies it",
                    RefusedPayload = RefusedRunPayload.Write(data.Observations),
                    RefusedObservations = data.Observations.Count,
                },
                cancellationToken);
            await ForgetFetchAsync(collector, item.Source);
            CollectionLog.Refused(logger, item.RunId, item.Source, verdict.ToString());
            CollectionMetrics.Refused(item.Source);
            return;
        }

        var applied = await runs.ApplyAsync(application with { Observations = data.Observations, ReadCounts = counts, Issues = issues }, cancellationToken);
        CollectionLog.Succeeded(logger, item.RunId, item.Source, applied.Parsed, applied.Added, applied.Updated, applied.Withdrawn, applied.Rejected);
        CollectionMetrics.Succeeded(item.Source, time.GetUtcNow());
    }

    private async Task AcceptAsync(CollectionWorkItem item, SourceDefinition source, long refusedId, CancellationToken cancellationToken)
    {
        var payload = await runs.GetRefusedPayloadAsync(refusedId, cancellationToken)
            ?? throw new CollectionException(CollectionFailure.Other, $"run {refusedId} has no kept observations to accept (already accepted, or a newer run applied data since); trigger a new run instead");
        var observations = RefusedRunPayload.Read(payload);
        var refused = await runs.GetAsync(refusedId, cancellationToken);
        var now = time.GetUtcNow();
        await runs.ApplyAsync(
            new RunApplication(item.RunId, item.Source, source.Kind, now, source.Lifetime)
            {
                Observations = observations,
                FullList = source.FullList,
                DefaultConfidence = source.Confidence,
                DefaultCategory = source.Category,
                ReadCounts = (refused?.Counts ?? RunCounts.Empty) with { Added = 0, Updated = 0, Withdrawn = 0, Unchanged = 0 },
                Note = string.Create(CultureInfo.InvariantCulture, $"applies refused run {refusedId}, accepted by {item.Actor ?? "anonymous"}"),
                AcceptsRunId = refusedId,
                Actor = item.Actor,
            },
            cancellationToken);
        CollectionMetrics.Succeeded(item.Source, now);
    }

    private async Task FailAsync(CollectionWorkItem item, ISourceCollector? collector, string kind, string message, CancellationToken cancellationToken)
    {
        await runs.FinishUnappliedAsync(new RunFailure(item.RunId, RunStatus.Failed, time.GetUtcNow(), message) { FailureKind = kind }, cancellationToken);
        await ForgetFetchAsync(collector, item.Source);
        CollectionLog.Failed(logger, item.RunId, item.Source, kind, message);
        CollectionMetrics.Failed(item.Source);
    }

    private static async Task ForgetFetchAsync(ISourceCollector? collector, string source)
    {
        if (collector is IRunOutcomeObserver observer)
        {
            await observer.RunNotAppliedAsync(source, CancellationToken.None);
        }
    }

    private SourceDefinition DefinitionFor(CollectionWorkItem item)
        => catalog.Find(item.Source)
            ?? (item.Import is not null
                ? new SourceDefinition(item.Source, "file", EmptySection()) { FullList = item.Import.FullList ?? false }
                : throw new CollectionException(CollectionFailure.Other, $"source '{item.Source}' is no longer configured"));

    private ISourceCollector CollectorFor(CollectionWorkItem item, SourceDefinition source)
    {
        var kind = item.Import is null ? source.Kind : "file";
        if (!source.IsCollected && item.Import is null)
        {
            throw new CollectionException(CollectionFailure.Other, $"source '{source.Name}' is filled by hand (kind manual) and is not collected; use the manual-entry API or `blacklist import`");
        }

        return collectors.LastOrDefault(c => c.Kind == kind)
            ?? throw new CollectionException(CollectionFailure.Other, $"no collector is registered for kind '{kind}'");
    }

    /// <summary>An import reads the given file with the source's parsing settings, overriding path and format.</summary>
    private static IConfigurationSection SettingsFor(CollectionWorkItem item, SourceDefinition source)
    {
        if (item.Import is not { } import)
        {
            return source.Settings;
        }

        var values = source.Settings.AsEnumerable(makePathsRelative: true)
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => "import:" + pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        values["import:Path"] = import.Path;
        values["import:Format"] = import.Format ?? (source.Kind is "http" or "file" ? source.Settings["Format"] ?? "plain" : "plain");
        values.Remove("import:Url");
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("import");
    }

    private static IConfigurationSection EmptySection() => new ConfigurationBuilder().Build().GetSection("import");
}
