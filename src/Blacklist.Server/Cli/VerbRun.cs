using System.Globalization;
using Blacklist.Data.Contracts;
using Blacklist.Server.Collection;
using Spectre.Console;

namespace Blacklist.Server.Cli;

/// <summary>Runs one collection synchronously for a verb (same runner as the server) and prints how it ended.</summary>
internal static class VerbRun
{
    public static async Task<int> ExecuteAsync(IHost host, CollectionWorkItem item, string kind, string description, CancellationToken cancellationToken)
    {
        var coordinator = host.Services.GetRequiredService<CollectionCoordinator>();
        var runner = host.Services.GetRequiredService<CollectionRunner>();
        var recorded = await coordinator.RecordAsync(item, kind, cancellationToken);
        if (recorded.Outcome == TriggerOutcome.AlreadyRunning)
        {
            // PostgreSQL: a replica of the server runs this source right now.
            await Console.Error.WriteLineAsync(Invariant($"Run {recorded.RunId} of {item.Source} is in progress (GET /api/collection/runs/{recorded.RunId}); try again when it has finished."));
            return 1;
        }

        var queued = recorded.Item!;
        CollectionRun run;
        if (Console.IsOutputRedirected)
        {
            Console.WriteLine($"{description} (run {queued.RunId})...");
            run = await runner.ExecuteAsync(queued, cancellationToken);
        }
        else
        {
            run = await AnsiConsole.Status()
                .Spinner(Spinner.Known.Dots)
                .StartAsync($"{Markup.Escape(description)} (run {queued.RunId})...", _ => runner.ExecuteAsync(queued, cancellationToken));
        }

        Print(run, Console.Out);
        return run.Status is RunStatus.Succeeded or RunStatus.Accepted ? 0 : 1;
    }

    public static void Print(CollectionRun run, TextWriter output)
    {
        var c = run.Counts;
        var took = run.StartedAt is { } started && run.FinishedAt is { } finished ? $" in {(finished - started).TotalSeconds:0.0} s" : "";
        switch (run.Status)
        {
            case RunStatus.Succeeded or RunStatus.Accepted when run.NotModified:
                output.WriteLine(Invariant($"Run {run.Id} of {run.Source} succeeded{took}: not modified since the last fetch ({c.Unchanged} entries re-confirmed)."));
                break;
            case RunStatus.Succeeded or RunStatus.Accepted:
                output.WriteLine(Invariant(
                    $"Run {run.Id} of {run.Source} succeeded{took}: {c.Fetched:N0} lines read, {c.Parsed:N0} parsed, {c.Rejected:N0} rejected; {c.Added:N0} added, {c.Updated:N0} updated, {c.Withdrawn:N0} withdrawn, {c.Unchanged:N0} unchanged."));
                break;
            case RunStatus.Refused:
                output.WriteLine(Invariant($"Run {run.Id} of {run.Source} was refused by the guard: {run.Error}"));
                output.WriteLine(Invariant($"Nothing was changed. If the change is real, accept it: POST /api/collection/runs/{run.Id}/accept"));
                break;
            default:
                output.WriteLine(Invariant($"Run {run.Id} of {run.Source} {run.Status.ToString().ToLowerInvariant()} ({run.FailureKind}): {run.Error}"));
                output.WriteLine("Nothing was changed; the previous data stays.");
                break;
        }

        foreach (var issue in run.Issues.Take(5))
        {
            output.WriteLine(Invariant($"  line {issue.Line}: {issue.Message}"));
        }

        if (run.Counts.Rejected > 5)
        {
            output.WriteLine(Invariant($"  ... {run.Counts.Rejected - Math.Min(5, run.Issues.Count):N0} more rejected lines (GET /api/collection/runs/{run.Id} shows the first {RunIssue.SampleSize})"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
