namespace Blacklist.Server.Cli;

/// <summary>No verb: build the web host and serve until stopped.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
