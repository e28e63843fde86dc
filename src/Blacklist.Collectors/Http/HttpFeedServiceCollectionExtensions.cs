using System.Net;
using Blacklist.Collectors.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Blacklist.Collectors.Http;

public static class HttpFeedServiceCollectionExtensions
{
    /// <summary>
    /// Registers the "http" collector and its HttpClient: automatic gzip/deflate/brotli
    /// decompression, redirects, and a resilience pipeline that retries transient failures with
    /// exponential backoff (Blacklist:Http:Retries, RetryDelay) and bounds each attempt
    /// (AttemptTimeout).
    /// </summary>
    public static IServiceCollection AddHttpFeedCollector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedHttpOptions>().Bind(configuration.GetSection(FeedHttpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(HttpFeedCollector.ClientName, (provider, client) =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(provider.GetRequiredService<IOptions<FeedHttpOptions>>().Value.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddResilienceHandler("feed-retries", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<FeedHttpOptions>>().Value;
                if (options.Retries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.Retries,
                        Delay = options.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });
        services.AddSingleton<ISourceCollector, HttpFeedCollector>();
        return services;
    }
}
