namespace Blacklist.Server.Security;

/// <summary>
/// Runs authentication only for requests that carry a credential: an API key header, an
/// Authorization header or the dashboard's session cookie. Anonymous requests (firewalls pulling a
/// feed from an allowed network) stay anonymous either way, and skip building the handlers of two
/// schemes on every pull, the hottest path of the service.
/// </summary>
internal static class AuthenticationWhenPresented
{
    // WebApplication puts its own UseAuthentication in front of the pipeline unless this key says the
    // app added one; the UseWhen branch sets it on the branch's copy of the properties only.
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    public static IApplicationBuilder UseAuthenticationWhenPresented(this IApplicationBuilder app)
    {
        app.UseWhen(HasCredential, branch => branch.UseAuthentication());
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app;
    }

    private static bool HasCredential(HttpContext context)
        => PresentedKey.HasCredential(context.Request) || context.Request.Cookies.ContainsKey(SecuritySchemes.SessionCookie);
}
