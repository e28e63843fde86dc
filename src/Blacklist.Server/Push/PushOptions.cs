namespace Blacklist.Server.Push;

/// <summary>
/// Section <c>Blacklist:Push</c>: how feeds are pushed to FortiGate devices (retries, backoff,
/// request size) and the devices, one child per device name.
/// </summary>
internal sealed class PushOptions
{
    public const string Section = "Blacklist:Push";

    /// <summary>Quick retries of one request (exponential from <see cref="RetryDelay"/>) before the push counts as failed.</summary>
    public int Retries { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time limit of one request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait after a failed push before the next try (a full snapshot); doubles per failure in a row.</summary>
    public TimeSpan Backoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Entries per request; a longer list goes as a snapshot of the first batch and adds of the rest.</summary>
    public int BatchSize { get; set; } = 10_000;

    /// <summary>Devices by name (case-insensitive).</summary>
    public Dictionary<string, PushDeviceSettings> Devices { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Child keys of the section that are settings, not devices.</summary>
    public static bool IsSettingKey(string key)
        => SettingKeys.Contains(key, StringComparer.OrdinalIgnoreCase);

    private static readonly string[] SettingKeys =
        [nameof(Retries), nameof(RetryDelay), nameof(Timeout), nameof(Backoff), nameof(MaxBackoff), nameof(BatchSize)];
}
