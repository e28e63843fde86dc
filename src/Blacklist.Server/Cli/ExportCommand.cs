using System.Buffers;
using System.CommandLine;
using Blacklist.Core.Rendering;
using Blacklist.Core.Snapshots;
using Blacklist.Data.Contracts;
using Blacklist.Server.Snapshots;

namespace Blacklist.Server.Cli;

/// <summary>`blacklist export`: the active list from the database, rendered as the server would serve it.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = $"List format: {string.Join(", ", ListRenderers.FormatNames)}.",
            DefaultValueFactory = _ => "plain",
        };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Write the active list (active indicators − allowlist − reserved ranges) from the database in any format.")
        {
            format,
            output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var formatName = parse.GetValue(format);
            if (!ListRenderers.TryParseFormat(formatName, out var chosen))
            {
                await Console.Error.WriteLineAsync($"blacklist export: '{formatName}' is not a list format; use one of {string.Join(", ", ListRenderers.FormatNames)}.");
                return VerbExitCodes.BadInput;
            }

            using var host = VerbHost.Build();
            if (!await VerbHost.PrepareAsync(host, Console.Error, cancellationToken))
            {
                return VerbHost.SetupFailed;
            }

            var snapshot = await VerbSnapshot.LoadAsync(host, cancellationToken);
            var (input, entries) = ListInputs.For(snapshot, chosen, VerbSnapshot.ListOptions(host));
            var rendered = new ArrayBufferWriter<byte>();
            ListRenderers.For(chosen).Render(input, rendered);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllBytesAsync(file.FullName, rendered.WrittenMemory, cancellationToken);
                await Console.Error.WriteLineAsync($"Wrote {entries:N0} entries ({rendered.WrittenCount:N0} bytes, {ListRenderers.NameOf(chosen)}) to {file.FullName}.");
            }
            else
            {
                await using var stdout = Console.OpenStandardOutput();
                await stdout.WriteAsync(rendered.WrittenMemory, cancellationToken);
            }

            return 0;
        });
        return command;
    }
}
