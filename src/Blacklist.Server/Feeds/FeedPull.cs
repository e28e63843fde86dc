namespace Blacklist.Server.Feeds;

/// <summary>One client's pulls of one feed.</summary>
internal sealed record FeedPull(string Feed, string Client, DateTimeOffset LastPull, long Count, string? LastETag);
