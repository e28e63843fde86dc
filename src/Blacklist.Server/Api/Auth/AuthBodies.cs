namespace Blacklist.Server.Api.Auth;

internal sealed record LoginBody(string? Username, string? Password);

internal sealed record UserBody(string? Name, string? Password, string? Role);

internal sealed record MeView(string Name, string Role);

internal sealed record CsrfView(string Token);
