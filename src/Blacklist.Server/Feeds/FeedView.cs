namespace Blacklist.Server.Feeds;

/// <summary>A profile as listed by <c>GET /api/feeds</c>.</summary>
internal sealed record FeedView(
    string Name,
    string Format,
    string Url,
    string ChangesUrl,
    int? MaxEntries,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Categories,
    int MinConfidence,
    string Family,
    long? Version,
    long? TotalEntries,
    long? ServedEntries);
