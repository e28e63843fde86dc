using Blacklist.Collectors.Scheduling;
using Blacklist.Core.Guard;
using Blacklist.Core.Indicators;

namespace Blacklist.Server.Collection;

/// <summary>One configured source (Blacklist:Sources:{name}), read and validated at start-up.</summary>
public sealed record SourceDefinition(string Name, string Kind, IConfigurationSection Settings)
{
    /// <summary>The kind of the built-in source that people fill through the API; it is never collected.</summary>
    public const string ManualKind = "manual";

    /// <summary>The configured switch; an operator's override in the store takes precedence.</summary>
    public bool Enabled { get; init; }

    /// <summary>Null: only manual triggers run it.</summary>
    public CronSchedule? Schedule { get; init; }

    public TimeSpan Ttl { get; init; } = LifetimePolicy.DefaultTtl;

    /// <summary>The source publishes its whole current list, so what it stops listing is withdrawn.</summary>
    public bool FullList { get; init; }

    public int Confidence { get; init; } = 50;

    public string? Category { get; init; }

    public GuardLimits Guard { get; init; } = GuardLimits.Default;

    public bool IsCollected => Kind != ManualKind;

    public LifetimePolicy Lifetime => new(Ttl);
}
