namespace Blacklist.Collectors.Credentials;

/// <summary>What may be shown about a source's secrets: whether they are set, never their values.</summary>
/// <param name="Set">Credentials are stored (through the API) or configured (environment/settings).</param>
/// <param name="Origin">"stored", "configuration" or null when not set.</param>
/// <param name="LastLogin">The last successful login, when there was one.</param>
/// <param name="SessionSet">A reusable session (pasted cookie or kept token) is stored and not expired.</param>
/// <param name="SessionExpiresAt">When that session expires.</param>
public sealed record CredentialStatus(
    bool Set,
    string? Origin,
    DateTimeOffset? LastLogin,
    bool SessionSet,
    DateTimeOffset? SessionExpiresAt);
