using Blacklist.Data.Contracts;

namespace Blacklist.Server.Collection;

/// <summary>GET /api/collection/status.</summary>
public sealed record CollectionStatusView(bool CollectionEnabled, bool SchedulingReplica, IReadOnlyList<SourceStatusView> Sources)
{
    /// <summary>Each FortiGate the feeds are pushed to (Blacklist:Push).</summary>
    public IReadOnlyList<Push.PushDeviceStatus> PushDevices { get; init; } = [];
}

/// <summary>One source on the status page.</summary>
public sealed record SourceStatusView(string Name, string Kind, bool Enabled, bool ConfiguredEnabled)
{
    public string? Schedule { get; init; }

    public DateTimeOffset? NextRun { get; init; }

    public bool FullList { get; init; }

    public double TtlDays { get; init; }

    public RunView? LastRun { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    public long ActiveIndicators { get; init; }

    /// <summary>Whether the credentials the source needs are stored; null for sources that need none.</summary>
    public bool? CredentialsSet { get; init; }

    public IReadOnlyDictionary<string, string>? Details { get; init; }
}

/// <summary>A collection run as the API shows it.</summary>
public sealed record RunView(long Id, string Source, string Trigger, string Status, DateTimeOffset QueuedAt)
{
    public string? Actor { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public bool NotModified { get; init; }

    public required RunCounts Counts { get; init; }

    public string? Error { get; init; }

    public string? FailureKind { get; init; }

    public string? Note { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<RunIssue> Issues { get; init; } = [];

    public static RunView From(CollectionRun run) => new(run.Id, run.Source, run.Trigger, run.Status.ToString().ToLowerInvariant(), run.QueuedAt)
    {
        Actor = run.Actor,
        StartedAt = run.StartedAt,
        FinishedAt = run.FinishedAt,
        NotModified = run.NotModified,
        Counts = run.Counts,
        Error = run.Error,
        FailureKind = run.FailureKind,
        Note = run.Note,
        Parameters = run.Parameters,
        Issues = run.Issues,
    };
}

/// <summary>202 body of a trigger or an accept: follow <c>Location</c> (GET /api/collection/runs/{runId}).</summary>
public sealed record TriggerView(long RunId, string Status, string? Note);

/// <summary>Answer of POST /api/collection/{source}/enable and /disable: the override now in force, and what the configuration says.</summary>
public sealed record SourceSwitchView(string Source, bool Enabled, bool ConfiguredEnabled);

/// <summary>Answer of POST /api/collection/enable and /disable.</summary>
public sealed record SwitchView(bool CollectionEnabled, string Note);
