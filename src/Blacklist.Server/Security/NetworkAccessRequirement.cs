using Microsoft.AspNetCore.Authorization;

namespace Blacklist.Server.Security;

/// <summary>
/// Met by a principal with <see cref="Role"/> (when set), or by any request from <see cref="Networks"/>
/// (the connection's address, after forwarded headers from trusted proxies only).
/// </summary>
internal sealed class NetworkAccessRequirement(string? role, NetworkList networks, bool openWhenEmpty) : IAuthorizationRequirement
{
    public string? Role { get; } = role;

    public NetworkList Networks { get; } = networks;

    /// <summary>An empty network list lets everyone in (metrics) rather than no one.</summary>
    public bool OpenWhenEmpty { get; } = openWhenEmpty;
}

internal sealed class NetworkAccessHandler : AuthorizationHandler<NetworkAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NetworkAccessRequirement requirement)
    {
        if (requirement.Role is { } role && context.User.IsInRole(role))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        // Endpoint routing's authorization passes the request as the resource.
        var http = context.Resource as HttpContext;
        var fromNetwork = requirement.Networks.IsEmpty ? requirement.OpenWhenEmpty : requirement.Networks.Contains(http?.Connection.RemoteIpAddress);

        // A presented credential that failed does not fall back to the anonymous network: it is refused.
        var credentialFailed = http is not null && PresentedKey.HasCredential(http.Request) && context.User.Identity?.IsAuthenticated != true;
        if (fromNetwork && !credentialFailed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
