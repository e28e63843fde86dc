using Microsoft.AspNetCore.Antiforgery;

namespace Blacklist.Server.Security;

/// <summary>
/// Cookie-authenticated unsafe requests must carry the antiforgery token (GET /api/auth/csrf) in
/// X-CSRF-Token. API keys are not sent by browsers on their own, so key requests need none.
/// </summary>
internal static class CsrfProtection
{
    public static IApplicationBuilder UseCsrfProtection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (NeedsToken(context))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "CSRF token missing or invalid",
                    $"Signed-in writes need the token from GET /api/auth/csrf in the {SecuritySchemes.CsrfHeader} header.");
                return;
            }
        }

        await next(context);
    });

    private static bool NeedsToken(HttpContext context)
        => !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: SecuritySchemes.Cookie }
            && !context.Request.Path.StartsWithSegments("/api/auth/login");
}
