namespace Blacklist.Server.Dashboard;

/// <summary>
/// Serves the operators' dashboard: the single page at each of its own routes (history routing,
/// so a reload or a shared link lands on the right page) and its assets under a versioned prefix.
/// Nothing here answers below <c>/api</c>: an unknown API path stays a 404, never the page.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>The dashboard's routes; keep in step with ROUTES in wwwroot/assets/js/routes.js.</summary>
    internal static readonly string[] PageRoutes = ["/", "/search", "/collection", "/lists", "/feeds", "/admin", "/login"];

    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var assets = DashboardAssets.LoadEmbedded(typeof(DashboardEndpoints).Assembly);
        return app.MapDashboard(assets);
    }

    internal static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app, DashboardAssets assets)
    {
        // The page and its code are public: the login page must load before anyone is signed in.
        // Every API call the page makes is authorised on its own.
        foreach (var route in PageRoutes)
        {
            app.MapMethods(route, GetOrHead, (HttpContext context) => DashboardResponder.SendPageAsync(context, assets.Index))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        app.MapMethods("/assets/{version}/{**path}", GetOrHead, (HttpContext context, string version, string path) =>
            {
                if (!assets.TryGet(path, out var asset))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return DashboardResponder.SendAssetAsync(context, asset, version == assets.Version);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        return app;
    }
}
