namespace Blacklist.Server.Feeds;

/// <summary>
/// Section <c>Blacklist:Feeds</c>: the history kept for <c>changes?since=</c> and the profiles,
/// one child per profile name (the ready-made profiles are there unless configured otherwise).
/// </summary>
internal sealed class FeedsOptions
{
    public const string Section = "Blacklist:Feeds";

    /// <summary>Snapshot versions kept as deltas for <c>changes?since=</c>.</summary>
    public int HistoryVersions { get; set; } = 64;

    /// <summary>Deltas older than this are dropped; a client further behind gets 410 and fetches the full list.</summary>
    public TimeSpan HistoryMaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Profiles by name (case-insensitive).</summary>
    public Dictionary<string, FeedProfileSettings> Profiles { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Child keys of the section that are settings, not profiles.</summary>
    public static bool IsSettingKey(string key)
        => key.Equals(nameof(HistoryVersions), StringComparison.OrdinalIgnoreCase) || key.Equals(nameof(HistoryMaxAge), StringComparison.OrdinalIgnoreCase);
}
