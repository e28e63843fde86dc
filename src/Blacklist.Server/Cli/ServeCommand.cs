using Blacklist.Server.Hosting;
using Blacklist.Server.Security;

namespace Blacklist.Server.Cli;

/// <summary>No verb: build the web host and serve until stopped.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://*:2542";

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        // The data directory stays relative to the current directory; see AppContentRoot for the configuration.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContentRoot.Choose() });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            // The default port, unless ASPNETCORE_URLS, --urls or Kestrel:Endpoints says otherwise.
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddBlacklistServices();
        builder.AddBlacklistServer();
        builder.AddBlacklistSecurity();
        var app = builder.Build();
        app.UseBlacklistServer();
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
