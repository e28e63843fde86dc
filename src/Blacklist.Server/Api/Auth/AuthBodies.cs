namespace Blacklist.Server.Api.Auth;

internal sealed record LoginBody(string? Username, string? Password);

internal sealed record UserBody(string? Name, string? Password, string? Role);

/// <summary>Who is signed in. Signed out is an answer too ({authenticated: false}), not a 401 the browser logs as an error.</summary>
internal sealed record MeView(bool Authenticated, string? Name, string? Role)
{
    public static readonly MeView SignedOut = new(false, null, null);

    public static MeView SignedIn(string name, string role) => new(true, name, role);
}

internal sealed record CsrfView(string Token);
