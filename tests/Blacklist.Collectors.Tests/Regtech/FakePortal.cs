using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Blacklist.Collectors.Tests.Regtech;

/// <summary>
/// A Kestrel app on 127.0.0.1 (a free port) that records every request (and the most it
/// served at once) before its routes answer. The fake REGTECH and SECUDIUM servers build on it.
/// </summary>
internal abstract class FakePortal : IAsyncDisposable
{
    private WebApplication? _app;
    private int _inFlight;
    private int _mostInFlight;

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The most requests the portal was serving at one moment.</summary>
    public int MostInFlight => _mostInFlight;

    /// <summary>Requests answered 503 before the routes run (a flaky portal).</summary>
    public int FailNextRequests { get; set; }

    public IEnumerable<RecordedRequest> RequestsTo(string path) => Requests.Where(r => r.Path == path);

    protected async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();

        // Not the test host's appsettings.json (its Kestrel endpoints would win over the loopback URL).
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            Requests.Enqueue(await RecordedRequest.ReadAsync(context.Request));
            context.Request.Body.Position = 0;
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _mostInFlight, now);
            try
            {
                if (FailNextRequests > 0)
                {
                    FailNextRequests--;
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }

                // Long enough for two overlapping clients to be seen overlapping.
                await Task.Delay(5);
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });
        MapRoutes(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address + "/");
    }

    protected abstract void MapRoutes(WebApplication app);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
