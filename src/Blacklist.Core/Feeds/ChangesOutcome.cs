namespace Blacklist.Core.Feeds;

/// <summary>What a <see cref="FeedHistory"/> can say about "changes since V".</summary>
public enum ChangesOutcome
{
    /// <summary>The delta from V to the current version (empty when V is current).</summary>
    Changes,

    /// <summary>V is older than the retained history (or was never served here): fetch the full list.</summary>
    Gone,

    /// <summary>V is newer than the current version: not a version this server served.</summary>
    Ahead,

    /// <summary>No version was recorded yet.</summary>
    NotReady,
}
