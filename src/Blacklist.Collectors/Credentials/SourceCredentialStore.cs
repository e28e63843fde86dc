using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Blacklist.Collectors.Abstractions;
using Blacklist.Core.Sources;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace Blacklist.Collectors.Credentials;

/// <summary>
/// Keeps a source's credentials and reusable session encrypted (Data Protection, purpose
/// <see cref="Purpose"/> plus the source name, so a secret cannot be replayed under another
/// source) in the durable <see cref="ISourceStateStore"/>. Nothing here logs or returns a secret
/// except to the collector that logs in with it.
/// </summary>
public sealed class SourceCredentialStore
{
    public const string Purpose = "Blacklist.SourceCredentials";

    internal const string CredentialsKey = "credentials";
    internal const string SessionKey = "session";
    internal const string LastLoginKey = "last_login";

    private readonly ISourceStateStore _state;
    private readonly IDataProtectionProvider _protection;
    private readonly TimeProvider _time;

    public SourceCredentialStore(ISourceStateStore state, IDataProtectionProvider protection, TimeProvider time)
    {
        _state = state;
        _protection = protection;
        _time = time;
    }

    public Task SetCredentialsAsync(string source, SourceCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(credentials.Username);
        ArgumentException.ThrowIfNullOrEmpty(credentials.Password);
        var json = JsonSerializer.Serialize(new StoredCredentials(credentials.Username, credentials.Password));
        return _state.SetAsync(source, CredentialsKey, Protector(source).Protect(json), cancellationToken);
    }

    public Task DeleteCredentialsAsync(string source, CancellationToken cancellationToken)
        => _state.SetAsync(source, CredentialsKey, null, cancellationToken);

    /// <summary>
    /// The account to log in with: the one stored through the API wins over
    /// <c>Username</c>/<c>Password</c> in the source's settings (environment variables such as
    /// <c>Blacklist__Sources__regtech__Password</c>); null when neither is set.
    /// </summary>
    public async Task<SourceCredentials?> ResolveAsync(string source, IConfiguration settings, CancellationToken cancellationToken)
    {
        var stored = await ReadStoredAsync(source, cancellationToken);
        if (stored is not null)
        {
            return stored;
        }

        var username = settings["Username"];
        var password = settings["Password"];
        return string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password)
            ? null
            : new SourceCredentials(username, password);
    }

    public async Task SetSessionAsync(string source, SourceSession session, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(session.Secret);
        var json = JsonSerializer.Serialize(new StoredSession(session.Secret, session.ExpiresAt, session.Pasted));
        await _state.SetAsync(source, SessionKey, Protector(source).Protect(json), cancellationToken);
    }

    public Task DeleteSessionAsync(string source, CancellationToken cancellationToken)
        => _state.SetAsync(source, SessionKey, null, cancellationToken);

    /// <summary>The stored session when it is still valid now; an expired or unreadable one counts as none.</summary>
    public async Task<SourceSession?> GetValidSessionAsync(string source, CancellationToken cancellationToken)
    {
        var session = await ReadSessionAsync(source, cancellationToken);
        return session is not null && session.IsValidAt(_time.GetUtcNow()) ? session : null;
    }

    public Task RecordLoginAsync(string source, CancellationToken cancellationToken)
        => _state.SetAsync(source, LastLoginKey, _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), cancellationToken);

    public async Task<CredentialStatus> GetStatusAsync(string source, IConfiguration settings, CancellationToken cancellationToken)
    {
        var storedSet = await _state.GetAsync(source, CredentialsKey, cancellationToken) is not null;
        var configuredSet = !string.IsNullOrWhiteSpace(settings["Username"]) && !string.IsNullOrEmpty(settings["Password"]);
        var origin = storedSet ? "stored" : configuredSet ? "configuration" : null;
        var lastLoginText = await _state.GetAsync(source, LastLoginKey, cancellationToken);
        DateTimeOffset? lastLogin = DateTimeOffset.TryParse(lastLoginText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
        var session = await GetValidSessionAsync(source, cancellationToken);
        return new CredentialStatus(origin is not null, origin, lastLogin, session is not null, session?.ExpiresAt);
    }

    private async Task<SourceCredentials?> ReadStoredAsync(string source, CancellationToken cancellationToken)
    {
        var protectedText = await _state.GetAsync(source, CredentialsKey, cancellationToken);
        if (protectedText is null)
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<StoredCredentials>(Protector(source).Unprotect(protectedText));
            return stored is null ? null : new SourceCredentials(stored.Username, stored.Password);
        }
        catch (CryptographicException ex)
        {
            throw new CollectionException(
                CollectionFailure.CredentialsMissing,
                $"The stored credentials of source '{source}' cannot be decrypted (the data-protection keys changed or were lost): set them again with PUT /api/sources/{source}/credentials.",
                ex);
        }
    }

    private async Task<SourceSession?> ReadSessionAsync(string source, CancellationToken cancellationToken)
    {
        var protectedText = await _state.GetAsync(source, SessionKey, cancellationToken);
        if (protectedText is null)
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<StoredSession>(Protector(source).Unprotect(protectedText));
            return stored is null ? null : new SourceSession(stored.Secret, stored.ExpiresAt) { Pasted = stored.Pasted };
        }
        catch (CryptographicException)
        {
            // A session is only a shortcut: when it cannot be read the collector logs in instead.
            return null;
        }
    }

    private IDataProtector Protector(string source) => _protection.CreateProtector(Purpose, source);

    private sealed record StoredCredentials(string Username, string Password);

    private sealed record StoredSession(string Secret, DateTimeOffset ExpiresAt, bool Pasted);
}
