namespace Blacklist.Data.Contracts;

/// <summary>One collection run as recorded.</summary>
public sealed record CollectionRun(long Id, string Source, string Trigger, RunStatus Status, DateTimeOffset QueuedAt)
{
    public string? Actor { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The source answered "not modified": nothing new was fetched.</summary>
    public bool NotModified { get; init; }

    public RunCounts Counts { get; init; } = RunCounts.Empty;

    public string? Error { get; init; }

    /// <summary>A <c>CollectionFailure</c> name ("Timeout", "ServerError"…) or "Guard" for refusals.</summary>
    public string? FailureKind { get; init; }

    public string? Note { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The first rejected lines (at most <see cref="RunIssue.SampleSize"/>).</summary>
    public IReadOnlyList<RunIssue> Issues { get; init; } = [];

    public bool IsFinished => Status is not (RunStatus.Queued or RunStatus.Running);
}

public enum RunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Refused,

    /// <summary>A refused run whose observations an operator accepted and applied.</summary>
    Accepted,
}

/// <summary>What a run read and what it changed.</summary>
public sealed record RunCounts(long Fetched, long Bytes, long Parsed, long Rejected, long Added, long Updated, long Withdrawn, long Unchanged)
{
    public static RunCounts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>A rejected line kept with the run.</summary>
public sealed record RunIssue(int Line, string Message, string? Text)
{
    public const int SampleSize = 100;
}

/// <summary>A run about to be queued.</summary>
public sealed record NewRun(string Source, string Kind, string Trigger, DateTimeOffset QueuedAt)
{
    public string? Actor { get; init; }

    /// <summary>Parameters to show with the run; leave secrets (OTP, passwords) out.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}

/// <summary>A run that ends without changing data.</summary>
public sealed record RunFailure(long RunId, RunStatus Status, DateTimeOffset FinishedAt, string Error)
{
    public string? FailureKind { get; init; }

    public string? Note { get; init; }

    public RunCounts Counts { get; init; } = RunCounts.Empty;

    public IReadOnlyList<RunIssue> Issues { get; init; } = [];

    /// <summary>A refused run's observations (gzip JSON lines), kept so an operator can accept them.</summary>
    public byte[]? RefusedPayload { get; init; }

    public long RefusedObservations { get; init; }
}

/// <summary>Per-source run history for the status page (active counts come from the served snapshot).</summary>
public sealed record SourceSummary(string Source, CollectionRun? LastRun, DateTimeOffset? LastSuccessAt);
