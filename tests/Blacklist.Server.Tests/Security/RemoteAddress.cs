using System.Net;
using Blacklist.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Blacklist.Server.Tests.Security;

/// <summary>
/// TestServer has no socket, so a test names the connection's address in <see cref="Header"/>; this
/// startup filter sets it before the application's pipeline (before forwarded-header handling).
/// </summary>
internal sealed class RemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Connection-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    public static BlacklistAppFactory Enable(BlacklistAppFactory factory)
        => factory.WithServices(services => services.AddSingleton<IStartupFilter, RemoteAddress>());
}
