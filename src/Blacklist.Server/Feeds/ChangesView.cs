namespace Blacklist.Server.Feeds;

/// <summary>
/// The answer of <c>changes?since=V</c>: ranges added and removed from V to <see cref="Version"/>.
/// The client keeps <see cref="Version"/> as its next <c>since</c> only after applying the change,
/// so a client that stops half-way asks again from where it was.
/// </summary>
internal sealed record ChangesView(string Feed, long Since, long Version, int AddedCount, int RemovedCount, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);
