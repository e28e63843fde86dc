using Blacklist.Collectors.Abstractions;

namespace Blacklist.Server.Collection;

/// <summary>A recorded (queued) run waiting to be executed.</summary>
/// <param name="RunId">The run record.</param>
/// <param name="Source">The source it collects.</param>
/// <param name="Trigger">Why it runs.</param>
/// <param name="Parameters">Manual-trigger parameters, secrets included (they are never stored).</param>
internal sealed record CollectionWorkItem(long RunId, string Source, RunTrigger Trigger, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>Set when the run applies a refused run's kept observations instead of collecting.</summary>
    public long? AcceptsRunId { get; init; }

    public string? Actor { get; init; }

    /// <summary>Set for `blacklist import`: read this file instead of the source's own location.</summary>
    public ImportRequest? Import { get; init; }
}

/// <param name="Path">An absolute file path.</param>
/// <param name="Format">The feed format; null uses the source's (or "plain").</param>
/// <param name="FullList">Withdraw what the file does not list; null uses the source's setting.</param>
internal sealed record ImportRequest(string Path, string? Format, bool? FullList);
