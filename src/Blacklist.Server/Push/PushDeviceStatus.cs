namespace Blacklist.Server.Push;

/// <summary>One device's push state, as <c>GET /api/collection/status</c> shows it (never the API key).</summary>
/// <param name="Device">The name under Blacklist:Push.</param>
/// <param name="Profile">The feed profile pushed.</param>
/// <param name="Resource">The threat feed's name on the device.</param>
/// <param name="Url">The device's API endpoint.</param>
public sealed record PushDeviceStatus(string Device, string Profile, string Resource, string Url, bool Enabled)
{
    /// <summary>The snapshot version the device holds; null when unknown (the next push is a full snapshot).</summary>
    public long? DeviceVersion { get; init; }

    /// <summary>Entries the device holds after the last successful push.</summary>
    public long Entries { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>succeeded, unchanged (nothing to send) or failed.</summary>
    public string? LastOutcome { get; init; }

    /// <summary>snapshot or delta: how the last successful push was sent.</summary>
    public string? LastMode { get; init; }

    public int LastAdded { get; init; }

    public int LastRemoved { get; init; }

    public int ConsecutiveFailures { get; init; }

    public string? LastError { get; init; }

    /// <summary>When the next try is due after a failure.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
}
