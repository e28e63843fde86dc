using Blacklist.Server.Api.Allowlist;
using Blacklist.Server.Api.Audit;
using Blacklist.Server.Api.Auth;
using Blacklist.Server.Api.Health;
using Blacklist.Server.Api.Keys;
using Blacklist.Server.Api.Lists;
using Blacklist.Server.Api.Manual;
using Blacklist.Server.Api.Search;
using Blacklist.Server.Api.Sources;
using Blacklist.Server.Api.Stats;
using Blacklist.Server.Collection;
using Blacklist.Server.Dashboard;
using Blacklist.Server.Feeds;
using Blacklist.Server.Observability;
using Blacklist.Server.Security;
using Blacklist.Server.Snapshots;
using Prometheus;
using Scalar.AspNetCore;

namespace Blacklist.Server.Hosting;

/// <summary>The request pipeline and the endpoints. Kept thin: the list routes are hot.</summary>
internal static class ServerPipeline
{
    public static WebApplication UseBlacklistServer(this WebApplication app)
    {
        var snapshots = app.Services.GetRequiredService<SnapshotHolder>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        _ = app.Services.GetRequiredService<ServiceClock>(); // uptime counts from here
        BlacklistMetrics.TrackSnapshotAge(() => snapshots.Current is { } current ? (time.GetUtcNow() - current.Snapshot.BuiltAt).TotalSeconds : null);
        BlacklistMetrics.CacheFallbackActive.Set(0);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseHttpMetrics(options => options.InProgress.Enabled = false); // count and duration are what alerts and the HPA use
        app.UseBlacklistSecurity();

        // Every endpoint names its access (Security/AccessPolicies); the fallback policy catches any that forget.
        app.MapMetrics("/metrics").RequireAuthorization(AccessPolicies.Metrics);
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();

        app.MapHealthApi().AllowAnonymous();
        app.MapListsApi().RequireAuthorization(AccessPolicies.Feeds).RequireRateLimiting(RateLimitPolicies.Feeds);
        app.MapFeedsApi().RequireAuthorization(AccessPolicies.Feeds).RequireRateLimiting(RateLimitPolicies.Feeds);
        app.MapSearchApi().RequireAuthorization(AccessPolicies.Reader).RequireRateLimiting(RateLimitPolicies.Search);
        app.MapStatsApi().RequireAuthorization(AccessPolicies.Reader).RequireRateLimiting(RateLimitPolicies.Search);
        app.MapManualEntriesApi().RequireAuthorization(AccessPolicies.Operator).RequireRateLimiting(RateLimitPolicies.Writes);
        app.MapAllowlistApi().RequireAuthorization(AccessPolicies.Operator).RequireRateLimiting(RateLimitPolicies.Writes);
        app.MapAuditApi().RequireAuthorization(AccessPolicies.Admin);
        app.MapCollectionApi().RequireAuthorization(AccessPolicies.Operator).RequireRateLimiting(RateLimitPolicies.Writes);
        app.MapSourcesApi().RequireAuthorization(AccessPolicies.Admin).RequireRateLimiting(RateLimitPolicies.Writes);
        app.MapAuthApi();
        app.MapKeysApi();
        app.MapDashboard();
        return app;
    }
}
