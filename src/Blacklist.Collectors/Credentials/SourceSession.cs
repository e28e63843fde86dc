namespace Blacklist.Collectors.Credentials;

/// <summary>
/// A portal session that can be reused instead of logging in: a cookie header (REGTECH, pasted
/// from a browser or kept from the last login) or a token (SECUDIUM). <see cref="ToString"/> never
/// shows the secret.
/// </summary>
public sealed record SourceSession(string Secret, DateTimeOffset ExpiresAt)
{
    /// <summary>True when an operator pasted it (as opposed to one kept from the collector's own login).</summary>
    public bool Pasted { get; init; }

    public bool IsValidAt(DateTimeOffset now) => now < ExpiresAt;

    public override string ToString() => $"{nameof(SourceSession)} {{ ExpiresAt = {ExpiresAt:O}, Pasted = {Pasted}, Secret = *** }}";
}
