using System.CommandLine;
using Blacklist.Collectors.Abstractions;
using Blacklist.Server.Collection;

namespace Blacklist.Server.Cli;

/// <summary>`blacklist collect SOURCE`: run one source now, in this process, and print the outcome.</summary>
internal static class CollectCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("SOURCE") { Description = "The configured source to collect (Blacklist:Sources:{name})." };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "A run parameter as key=value (e.g. start_date=2026-08-01); repeatable.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "KEY=VALUE",
        };
        var command = new Command("collect", "Collect one source now (guard and store as a scheduled run would) and print the outcome.")
        {
            source, parameters,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var name = result.GetValue(source)!;
            if (!TryParseParameters(result.GetValue(parameters) ?? [], out var values, out var bad))
            {
                await Console.Error.WriteLineAsync($"blacklist collect: '{bad}' is not KEY=VALUE");
                return VerbHost.SetupFailed;
            }

            using var host = VerbHost.Build();
            if (!await VerbHost.PrepareAsync(host, Console.Error, cancellationToken))
            {
                return VerbHost.SetupFailed;
            }

            var definition = host.Services.GetRequiredService<SourceCatalog>().Find(name);
            if (definition is not { IsCollected: true })
            {
                var known = host.Services.GetRequiredService<CollectionCoordinator>().CollectedSourceNames();
                await Console.Error.WriteLineAsync($"blacklist collect: there is no collected source named '{name}'; known sources: {string.Join(", ", known)}");
                return VerbHost.SetupFailed;
            }

            var item = new CollectionWorkItem(0, name, RunTrigger.Manual, values) { Actor = Environment.UserName };
            return await VerbRun.ExecuteAsync(host, item, definition.Kind, $"Collecting {name}", cancellationToken);
        });
        return command;
    }

    private static bool TryParseParameters(string[] pairs, out Dictionary<string, string> values, out string? bad)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        bad = null;
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                bad = pair;
                return false;
            }

            values[pair[..equals]] = pair[(equals + 1)..];
        }

        return true;
    }
}
