namespace Blacklist.Core.Sources;

/// <summary>
/// Durable per-source key/value state: HTTP validators (ETag, Last-Modified), protected
/// credentials and session cookies, last login time. Values are opaque text; secrets are
/// encrypted (Data Protection) by the caller before they get here.
/// </summary>
public interface ISourceStateStore
{
    Task<string?> GetAsync(string source, string key, CancellationToken cancellationToken);

    /// <summary>Sets or, with null, deletes one value.</summary>
    Task SetAsync(string source, string key, string? value, CancellationToken cancellationToken);
}
