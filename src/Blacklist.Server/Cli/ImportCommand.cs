using System.CommandLine;
using System.Text.RegularExpressions;
using Blacklist.Collectors.Abstractions;
using Blacklist.Core.Parsing;
using Blacklist.Server.Collection;

namespace Blacklist.Server.Cli;

/// <summary>
/// `blacklist import FILE --source NAME`: read a feed file into a source through the same runner,
/// guard and transaction as collection. A name that is not configured becomes a file source.
/// </summary>
internal static partial class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The feed file to import." };
        var source = new Option<string>("--source", "-s") { Description = "The source the entries belong to (a configured one, or a new name).", Required = true };
        var format = new Option<string?>("--format", "-f") { Description = $"The file's format: {string.Join(", ", FeedParsers.Formats)} (default: the source's, else plain)." };
        var fullList = new Option<bool>("--full-list") { Description = "The file is the source's whole list: withdraw the source's entries it does not contain." };
        var command = new Command("import", "Import a feed file into a source (parsed, guarded and stored like a collection run), with progress.")
        {
            file, source, format, fullList,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            var name = result.GetValue(source)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"blacklist import: {path.FullName} does not exist");
                return VerbHost.SetupFailed;
            }

            if (!SourceName().IsMatch(name) || name == SourceDefinition.ManualKind)
            {
                await Console.Error.WriteLineAsync($"blacklist import: '{name}' cannot be imported into; use lower-case letters, digits, '-' and '_' (manual entries go through the API)");
                return VerbHost.SetupFailed;
            }

            var formatName = result.GetValue(format);
            if (formatName is not null)
            {
                try
                {
                    formatName = FeedParsers.CanonicalFormat(formatName);
                }
                catch (ArgumentException e)
                {
                    await Console.Error.WriteLineAsync($"blacklist import: {e.Message}");
                    return VerbHost.SetupFailed;
                }
            }

            using var host = VerbHost.Build();
            if (!await VerbHost.PrepareAsync(host, Console.Error, cancellationToken))
            {
                return VerbHost.SetupFailed;
            }

            var definition = host.Services.GetRequiredService<SourceCatalog>().Find(name);
            var import = new ImportRequest(path.FullName, formatName, result.GetValue(fullList));
            var item = new CollectionWorkItem(0, name, RunTrigger.Import, new Dictionary<string, string> { ["file"] = path.FullName })
            {
                Actor = Environment.UserName,
                Import = import,
            };
            return await VerbRun.ExecuteAsync(host, item, definition?.Kind ?? "file", $"Importing {path.Name} into {name}", cancellationToken);
        });
        return command;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}$")]
    private static partial Regex SourceName();
}
