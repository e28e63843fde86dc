using Blacklist.Data.Contracts;
using Blacklist.Server.Collection;
using Blacklist.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Cli;

/// <summary>
/// The services of the server without Kestrel, for operator verbs: the same configuration files
/// and environment variables, the same store and sources. Logs go to standard error.
/// </summary>
internal static class VerbHost
{
    /// <summary>Exit code for a configuration or database problem (a failed run exits 1).</summary>
    public const int SetupFailed = 2;

    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContentRoot.Choose(),
        });
        UseVerbLogging(builder.Logging);
        builder.AddBlacklistServices();
        builder.Services.AddCollection(builder.Configuration);
        return builder.Build();
    }

    /// <summary>
    /// Warnings and errors, one line each, on standard error. EF Core's own database errors are left
    /// out: <see cref="DatabaseOutageGuard"/> reports a failed database in one line that says what to check.
    /// </summary>
    public static void UseVerbLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(options => options.SingleLine = true);
        logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Microsoft.EntityFrameworkCore.Database", LogLevel.None);
    }

    /// <summary>Validates the sources and migrates the schema; prints what is wrong and returns false when it cannot go on.</summary>
    public static async Task<bool> PrepareAsync(IHost host, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            _ = host.Services.GetRequiredService<IOptions<SourcesOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<CollectionOptions>>().Value;
            await host.Services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(cancellationToken);
            await host.Services.GetRequiredService<SourceCatalog>().RegisterAsync(cancellationToken);
            return true;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("blacklist: the configuration has problems:");
            foreach (var failure in e.Failures)
            {
                await error.WriteLineAsync($"  {failure}");
            }

            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"blacklist: cannot open the database: {e.Message}");
            return false;
        }
    }
}
