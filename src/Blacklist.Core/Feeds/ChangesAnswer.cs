namespace Blacklist.Core.Feeds;

/// <summary>The answer to "changes since V": the outcome, the delta when there is one, and the retained window.</summary>
public sealed record ChangesAnswer(ChangesOutcome Outcome, SetDelta? Delta, long CurrentVersion, long OldestVersion);
