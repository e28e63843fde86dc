namespace Blacklist.Server.Api.Search;

/// <summary>The body of POST /api/search.</summary>
internal sealed record SearchBatchRequest(IReadOnlyList<string?>? Ips);

/// <summary>One result per input, in input order.</summary>
internal sealed record SearchBatchResponse(long SnapshotVersion, int Count, int Blocked, int Invalid, IReadOnlyList<SearchResult> Results);
