using System.Globalization;
using Blacklist.Data.Contracts;

namespace Blacklist.Server.Collection;

/// <summary>
/// The global collection switch, persisted in the settings table so it survives restarts. Off
/// stops scheduled runs; manual triggers and imports still run (an operator asked for them).
/// </summary>
public sealed class CollectionSwitch(ISettingsStore settings)
{
    public const string SettingKey = "collection.enabled";

    public async Task<bool> IsEnabledAsync(CancellationToken cancellationToken)
        => await settings.GetAsync(SettingKey, cancellationToken) is not { } value || !bool.TryParse(value, out var enabled) || enabled;

    public Task SetAsync(bool enabled, string actor, CancellationToken cancellationToken)
        => settings.SetAsync(SettingKey, enabled.ToString(CultureInfo.InvariantCulture).ToLowerInvariant(), actor, cancellationToken);
}
