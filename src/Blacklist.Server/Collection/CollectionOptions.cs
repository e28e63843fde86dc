using System.ComponentModel.DataAnnotations;

namespace Blacklist.Server.Collection;

/// <summary>Blacklist:Collection: how the collection machinery runs in this process.</summary>
public sealed class CollectionOptions
{
    public const string Section = "Blacklist:Collection";

    /// <summary>Run sources on their cron schedules (false: only manual triggers).</summary>
    public bool Scheduler { get; set; } = true;

    /// <summary>Runs of different sources that may execute at once.</summary>
    [Range(1, 16)]
    public int MaxConcurrentRuns { get; set; } = 2;
}
