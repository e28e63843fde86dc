using System.Globalization;
using Blacklist.Data.Security;
using Blacklist.Server.Api.Input;
using Blacklist.Server.Api.Problems;
using Blacklist.Server.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Api.Auth;

/// <summary>
/// The dashboard's sign-in: a password login sets an HttpOnly, Secure, SameSite=Strict session cookie;
/// writes made with it need the antiforgery token from /api/auth/csrf in X-CSRF-Token.
/// </summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").WithTags("Authentication");
        auth.MapPost("/login", LoginAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Login)
            .WithSummary("Sign in with {username, password}; sets the session cookie")
            .WithDescription("After Blacklist:Access:LoginMaxFailures wrong passwords in a row the account is locked for Blacklist:Access:LoginLockout (423).");
        auth.MapPost("/logout", LogoutAsync)
            .RequireAuthorization(AccessPolicies.Reader)
            .WithSummary("End the session");
        auth.MapGet("/me", Me)
            .AllowAnonymous()
            .WithSummary("Who is signed in: {authenticated, name, role}; {authenticated: false} when nobody is");
        auth.MapGet("/csrf", Csrf)
            .AllowAnonymous()
            .WithSummary("The antiforgery token to send as X-CSRF-Token on signed-in writes (fetch it after login)");

        var users = auth.MapGroup("/users").RequireAuthorization(AccessPolicies.Admin).RequireRateLimiting(RateLimitPolicies.Writes);
        users.MapGet("", ListUsersAsync).WithSummary("Dashboard users (never their password hashes)");
        users.MapPut("", SetUserAsync).WithSummary("Create a user or set its password and role: {name, password, role}");
        users.MapPost("/{name}/disable", (string name, HttpContext context, IUserStore store, CancellationToken ct) => SetDisabledAsync(name, true, context, store, ct))
            .WithSummary("Disable a user (it can no longer sign in)");
        users.MapPost("/{name}/enable", (string name, HttpContext context, IUserStore store, CancellationToken ct) => SetDisabledAsync(name, false, context, store, ct))
            .WithSummary("Enable a user again");
        return auth;
    }

    private static async Task<Results<Ok<MeView>, ProblemHttpResult>> LoginAsync(LoginBody? body, HttpContext context, [AsParameters] LoginServices services, CancellationToken cancellationToken)
    {
        var name = body?.Username?.Trim();
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(body?.Password) || name.Length > 100 || body.Password.Length > 1000)
        {
            return ApiProblems.BadRequest("Login incomplete", "Send a JSON body {\"username\": \"…\", \"password\": \"…\"}.");
        }

        var access = services.Access.Value;
        var result = await services.Users.VerifyAsync(name, body.Password, new LockoutPolicy(access.LoginMaxFailures, access.LoginLockout), cancellationToken);
        switch (result.Outcome)
        {
            case LoginOutcome.Succeeded when result.User is { } user:
                var principal = RoleClaims.Principal(user.Name, user.Role, SecuritySchemes.Cookie);
                await context.SignInAsync(SecuritySchemes.Cookie, principal, new AuthenticationProperties { IsPersistent = false });
                await services.Audit.WriteAsync(user.Name, "login", $"user {user.Name}", $"from {AuthFailureLog.ClientAddress(context)}", cancellationToken);
                return TypedResults.Ok(MeView.SignedIn(user.Name, user.Role.Name()));
            case LoginOutcome.LockedOut:
                services.Failures.Failed(context, AuthFailureReason.LockedOut, $"user {name}");
                var wait = result.LockedUntil is { } until ? until - services.Time.GetUtcNow() : access.LoginLockout;
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status423Locked,
                    title: "Account locked",
                    detail: $"Too many failed logins; try again after {result.LockedUntil:u} or ask an admin to reset the password.");
            case LoginOutcome.Disabled:
                services.Failures.Failed(context, AuthFailureReason.Disabled, $"user {name}");
                return WrongCredentials();
            default:
                services.Failures.Failed(context, AuthFailureReason.WrongPassword, $"user {name}");
                return WrongCredentials();
        }
    }

    private static ProblemHttpResult WrongCredentials()
        => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Login failed", detail: "The user name or password is wrong.");

    private static async Task<NoContent> LogoutAsync(HttpContext context, ISecurityAuditLog audit, CancellationToken cancellationToken)
    {
        await context.SignOutAsync(SecuritySchemes.Cookie);
        await audit.WriteAsync(ActorName.Of(context), "logout", $"user {ActorName.Of(context)}", null, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Ok<MeView> Me(HttpContext context)
        => TypedResults.Ok(context.User.Identity?.IsAuthenticated == true
            ? MeView.SignedIn(ActorName.Of(context), RoleClaims.HighestRole(context.User)?.Name() ?? "none")
            : MeView.SignedOut);

    private static Ok<CsrfView> Csrf(HttpContext context, IAntiforgery antiforgery)
        => TypedResults.Ok(new CsrfView(antiforgery.GetAndStoreTokens(context).RequestToken ?? ""));

    private static async Task<Ok<IReadOnlyList<UserRecord>>> ListUsersAsync(IUserStore store, CancellationToken cancellationToken)
        => TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<Results<Ok<UserRecord>, ProblemHttpResult>> SetUserAsync(UserBody? body, HttpContext context, IUserStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body?.Name) || body.Password is null || !SecurityRoles.TryParse(body.Role, out var role))
        {
            return ApiProblems.BadRequest("User incomplete", "Send {\"name\", \"password\" (12 to 1000 characters), \"role\": \"reader\"|\"operator\"|\"admin\"}.");
        }

        try
        {
            return TypedResults.Ok(await store.SetAsync(body.Name, body.Password, role, ActorName.Of(context), cancellationToken));
        }
        catch (ArgumentException e)
        {
            return ApiProblems.BadRequest("Invalid user", e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetDisabledAsync(string name, bool disabled, HttpContext context, IUserStore store, CancellationToken cancellationToken)
        => await store.SetDisabledAsync(name, disabled, ActorName.Of(context), cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("No such user", $"There is no user '{name}'; GET /api/auth/users lists them.");
}

/// <summary>What a login needs from DI.</summary>
internal sealed record LoginServices(IUserStore Users, ISecurityAuditLog Audit, AuthFailureLog Failures, IOptions<AccessOptions> Access, TimeProvider Time);
