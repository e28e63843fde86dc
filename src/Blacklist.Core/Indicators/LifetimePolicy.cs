using System.Globalization;

namespace Blacklist.Core.Indicators;

/// <summary>
/// The one lifetime rule: an indicator expires at the source's explicit release date when it
/// gives one, else at max(detected_at, last_seen) + the source's TTL; seeing it again moves
/// last_seen and so extends it. It is active while not removed and now is before expiry.
/// </summary>
public sealed record LifetimePolicy(TimeSpan Ttl)
{
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromDays(90);

    /// <summary>Manual entries live a year unless the operator gives an expiry.</summary>
    public static readonly TimeSpan DefaultManualTtl = TimeSpan.FromDays(365);

    public static LifetimePolicy Default { get; } = new(DefaultTtl);

    /// <summary>When an observation seen at <paramref name="seenAt"/> stops being served.</summary>
    public DateTimeOffset ExpiresAt(Observation observation, DateTimeOffset seenAt)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (observation.ReleasedAt is { } released)
        {
            return released;
        }

        var from = observation.DetectedAt is { } detected && detected > seenAt ? detected : seenAt;
        return from + Ttl;
    }

    public static bool IsActive(DateTimeOffset? removedAt, DateTimeOffset expiresAt, DateTimeOffset now) => removedAt is null && now < expiresAt;

    /// <summary>
    /// Reads a TTL as a whole number of days ("90") or a TimeSpan ("90.00:00:00", "12:00:00").
    /// It must be positive.
    /// </summary>
    public static bool TryParseTtl(string? text, out TimeSpan ttl, out string error)
    {
        ttl = default;
        error = "";
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "is empty; give days (\"90\") or a duration (\"90.00:00:00\")";
            return false;
        }

        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            ttl = TimeSpan.FromDays(days);
        }
        else if (!TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out ttl))
        {
            error = $"'{trimmed}' is not a duration; give days (\"90\") or d.hh:mm:ss (\"90.00:00:00\")";
            return false;
        }

        if (ttl <= TimeSpan.Zero)
        {
            error = $"'{trimmed}' must be longer than zero";
            return false;
        }

        return true;
    }
}
