namespace Blacklist.Collectors.Credentials;

/// <summary>An account on a provider's portal. <see cref="ToString"/> never shows the password.</summary>
public sealed record SourceCredentials(string Username, string Password)
{
    public override string ToString() => $"{nameof(SourceCredentials)} {{ Username = {Username}, Password = *** }}";
}
