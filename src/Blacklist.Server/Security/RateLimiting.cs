using System.Globalization;
using System.Threading.RateLimiting;
using Blacklist.Server.Caching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Security;

/// <summary>
/// The framework's rate limiter with one fixed-window budget per policy, partitioned by API key
/// (or signed-in user) when there is one, else by client address. Rejections are 429 problem+json
/// with Retry-After and counted in blacklist_rate_limit_rejections_total{policy}. With Redis
/// configured the windows are counted in Redis, so every replica draws on one budget per client
/// (<see cref="RedisFixedWindowRateLimiter"/>; per replica again while Redis is unreachable).
/// </summary>
internal static class RateLimiting
{
    public static IServiceCollection AddBlacklistRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });

        // Budgets, Redis and the clock are fixed once the host is built: read them once here, not per request.
        services.AddOptions<RateLimiterOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            var limits = provider.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            var redis = provider.GetService<SharedCacheConnection>() is { IsConfigured: true } shared ? shared : null;
            var time = provider.GetRequiredService<TimeProvider>();
            foreach (var policy in RateLimitPolicies.All)
            {
                var budget = limits.For(policy);
                options.AddPolicy(policy, context =>
                {
                    if (redis is not null)
                    {
                        return RateLimitPartition.Get(PartitionOf(context), partition => new RedisFixedWindowRateLimiter(redis, $"{policy}:{partition}", budget.PermitLimit, budget.Window, time));
                    }

                    return RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = budget.PermitLimit,
                        Window = budget.Window,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
                });
            }

            options.OnRejected = async (rejected, _) =>
            {
                var context = rejected.HttpContext;
                var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "unknown";
                SecurityMetrics.RateLimitRejections.WithLabels(policy).Inc();
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"The '{policy}' budget for this client is used up; retry after {context.Response.Headers.RetryAfter} s.");
            };
        });
        return services;
    }

    private static string PartitionOf(HttpContext context)
    {
        var user = context.User;
        if (user.FindFirst(SecuritySchemes.KeyIdClaim)?.Value is { } keyId)
        {
            return "key:" + keyId;
        }

        if (user.Identity is { IsAuthenticated: true, Name: { } name })
        {
            return "user:" + name;
        }

        return "ip:" + AuthFailureLog.ClientAddress(context);
    }
}
