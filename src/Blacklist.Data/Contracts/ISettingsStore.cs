namespace Blacklist.Data.Contracts;

/// <summary>Persistent service settings (the collection switch…). Changes are audited.</summary>
public interface ISettingsStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, string actor, CancellationToken cancellationToken);
}
