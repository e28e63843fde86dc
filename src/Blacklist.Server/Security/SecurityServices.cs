using Blacklist.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Security;

/// <summary>Authentication, authorization, rate limits, CSRF and hardening, registered and used in one call each.</summary>
public static class SecurityServices
{
    /// <summary>Registers everything; call after AddBlacklistServices (it uses the same database).</summary>
    public static WebApplicationBuilder AddBlacklistSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddBlacklistSecurityData();
        services.AddHostedService<InitialAdminKey>();
        services.AddSingleton<AccessNetworks>();
        services.AddSingleton<AuthFailureLog>();
        services.AddSingleton<KeyUsageRecorder>();
        services.AddSingleton<VerifiedKeyCache>();
        services.AddSingleton<IAuthorizationHandler, NetworkAccessHandler>();

        services.AddAuthentication(SecuritySchemes.Default)
            .AddPolicyScheme(SecuritySchemes.Default, "API key or dashboard session", options =>
            {
                options.ForwardDefaultSelector = context => PresentedKey.HasCredential(context.Request) ? SecuritySchemes.ApiKey : SecuritySchemes.Cookie;
                options.ForwardChallenge = SecuritySchemes.ApiKey;
                options.ForwardForbid = SecuritySchemes.ApiKey;
                options.ForwardSignIn = SecuritySchemes.Cookie;
                options.ForwardSignOut = SecuritySchemes.Cookie;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(SecuritySchemes.ApiKey, null)
            .AddCookie(SecuritySchemes.Cookie, options =>
            {
                options.Cookie.Name = SecuritySchemes.SessionCookie;
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.SlidingExpiration = false;
                options.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
            });
        services.AddOptions<CookieAuthenticationOptions>(SecuritySchemes.Cookie)
            .Configure<IOptions<AccessOptions>>((cookie, access) => cookie.ExpireTimeSpan = access.Value.SessionLifetime);

        services.AddAuthorization(options =>
        {
            options.AddPolicy(AccessPolicies.Reader, policy => policy.RequireRole(AccessPolicies.Reader));
            options.AddPolicy(AccessPolicies.Operator, policy => policy.RequireRole(AccessPolicies.Operator));
            options.AddPolicy(AccessPolicies.Admin, policy => policy.RequireRole(AccessPolicies.Admin));

            // Nothing is public by accident: an endpoint without a policy needs a signed-in caller.
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        services.AddOptions<AuthorizationOptions>().Configure<AccessNetworks>((options, networks) =>
        {
            options.AddPolicy(AccessPolicies.Feeds, policy => policy.AddRequirements(new NetworkAccessRequirement(AccessPolicies.Reader, networks.AnonymousFeeds, openWhenEmpty: false)));
            options.AddPolicy(AccessPolicies.Metrics, policy => policy.AddRequirements(new NetworkAccessRequirement(null, networks.Metrics, openWhenEmpty: true)));
        });

        services.AddBlacklistRateLimits();
        services.AddAntiforgery(options =>
        {
            options.HeaderName = SecuritySchemes.CsrfHeader;
            options.Cookie.Name = "blacklist.csrf";

            // SameAsRequest: Secure over HTTPS; over plain HTTP (the default :2542) Always would make
            // antiforgery throw. The token is useless without the Strict session cookie anyway.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<AccessOptions>>((forwarded, access) => ForwardedHeadersSetup.Configure(forwarded, access.Value));
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<AccessOptions>>((kestrel, access) =>
        {
            kestrel.Limits.MaxRequestBodySize = access.Value.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false; // no product banner for scanners
        });
        return builder;
    }

    /// <summary>The security middleware, in order; call after UseRouting and before the endpoints.</summary>
    public static WebApplication UseBlacklistSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetRequiredService<AccessNetworks>(); // a bad network setting stops start-up here
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseUploadBodyLimits();
        app.UseAuthenticationWhenPresented();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseCsrfProtection();
        return app;
    }

    private static Task Status<TOptions>(RedirectContext<TOptions> context, int status)
        where TOptions : AuthenticationSchemeOptions
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
