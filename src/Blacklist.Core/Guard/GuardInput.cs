using Blacklist.Core.Indicators;

namespace Blacklist.Core.Guard;

/// <summary>What the guard judges: this run's observations and rejected lines, and the last successful run's size.</summary>
/// <param name="Observations">The observations the run would apply.</param>
/// <param name="Rejected">Lines the parser rejected.</param>
/// <param name="PreviousCount">Entries of the previous successful run, or null when there is none or size checks do not apply (incremental sources).</param>
public sealed record GuardInput(IReadOnlyList<Observation> Observations, long Rejected, long? PreviousCount);
