using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Blacklist.Collectors.Tests.Http;

/// <summary>A real HTTP server on 127.0.0.1 standing in for a public feed; the test decides each answer.</summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FeedServer(WebApplication app, Func<HttpContext, Task> handler)
    {
        this.app = app;
        Handler = handler;
    }

    public Func<HttpContext, Task> Handler { get; set; }

    /// <summary>The If-None-Match header of each request, in order ("" when absent).</summary>
    public ConcurrentQueue<string> IfNoneMatch { get; } = new();

    public int Requests => IfNoneMatch.Count;

    public Uri Url(string path = "/feed.txt") => new(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), path);

    public static async Task<FeedServer> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedServer(app, handler);
        app.Run(context =>
        {
            server.IfNoneMatch.Enqueue(context.Request.Headers.IfNoneMatch.ToString());
            return server.Handler(context);
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
