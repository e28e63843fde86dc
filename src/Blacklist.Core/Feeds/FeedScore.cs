using Blacklist.Core.Indicators;

namespace Blacklist.Core.Feeds;

/// <summary>
/// How strongly the evidence speaks for a served entry, used to choose what stays when a feed is
/// over its device's limit.
/// </summary>
/// <remarks>
/// <para>score(entry) = max over the indicators i overlapping the entry of
/// (max(confidence_i, 1) × recency_i) × (number of distinct sources among those indicators),
/// with recency_i = 2^(−age_i / 30 days) and age_i = max(0, now − last_seen_i).</para>
/// <para>So an indicator seen today counts fully, one last seen 30 days ago half, 60 days ago a
/// quarter; a confidence of 0 (the source gives none) counts as 1 so that such entries still rank
/// by sources and recency. Ties go to more sources, then address order.</para>
/// </remarks>
public static class FeedScore
{
    /// <summary>The age at which an indicator's weight halves.</summary>
    public static readonly TimeSpan HalfLife = TimeSpan.FromDays(30);

    /// <summary>max(confidence, 1) × 2^(−age / <see cref="HalfLife"/>) for one indicator.</summary>
    public static double Weight(IndicatorRecord indicator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var age = now - indicator.LastSeen;
        var halfLives = age <= TimeSpan.Zero ? 0 : age / HalfLife;
        return Math.Max(indicator.Confidence, 1) * Math.Pow(2, -halfLives);
    }

    /// <summary>The entry's score from its strongest indicator's weight and its number of sources.</summary>
    public static double Entry(double strongestWeight, int sources) => strongestWeight * sources;
}
