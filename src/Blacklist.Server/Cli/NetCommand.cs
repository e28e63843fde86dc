using System.CommandLine;
using Blacklist.Core.Parsing;
using Blacklist.Server.Cli.Net;

namespace Blacklist.Server.Cli;

/// <summary>
/// `blacklist net`: IP set arithmetic on feed files, in the spirit of FireHOL's iprange. Runs
/// without the web host, the database or the configuration.
/// </summary>
internal static class NetCommand
{
    public static Command Create() => Create(NetConsole.Standard);

    /// <summary>The verb with its standard streams supplied by <paramref name="console"/> (tests use memory streams).</summary>
    internal static Command Create(Func<NetConsole> console)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Feed files to read; '-' is standard input, which is also read when no file is named.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var except = new Option<string[]>("--except", "--exclude")
        {
            Description = "Remove every address found in these files from the result.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "FILE",
        };
        var common = new Option<bool>("--common", "--intersect")
        {
            Description = "Keep only the addresses found in every input file (instead of in any).",
        };
        var ranges = new Option<bool>("--ranges", "-j")
        {
            Description = "Print merged ranges as first-last instead of the minimal CIDR list.",
        };
        var count = new Option<bool>("--count", "-C")
        {
            Description = "Print a CSV per family: entries read, merged ranges, CIDRs and unique addresses.",
        };
        var format = new Option<string>("--format")
        {
            Description = $"Input format: {string.Join(", ", FeedParsers.Formats)}.",
            DefaultValueFactory = _ => "plain",
        };
        var encoding = new Option<string>("--encoding")
        {
            Description = "Text encoding of the inputs (utf-8, cp949, euc-kr, ...); a BOM overrides it.",
            DefaultValueFactory = _ => "utf-8",
        };

        var merge = new Command("merge", "Print the union of the inputs as the minimal CIDR list (single addresses without /32), sorted, IPv4 first.")
        {
            files, except, common, ranges, count, format, encoding,
        };
        merge.SetAction((result, cancellationToken) =>
        {
            var streams = console();
            if (result.GetValue(ranges) && result.GetValue(count))
            {
                return Task.FromResult(NetMerge.Fail(streams, "--ranges and --count cannot be combined; choose one."));
            }

            var inputs = result.GetValue(files) is { Length: > 0 } named ? named : ["-"];
            var request = new NetMergeRequest(
                inputs,
                result.GetValue(except) ?? [],
                result.GetValue(common),
                result.GetValue(count) ? NetOutputMode.Count : result.GetValue(ranges) ? NetOutputMode.Ranges : NetOutputMode.Cidrs,
                new FeedParserSettings(result.GetValue(format)!) { Encoding = result.GetValue(encoding)! });
            return Task.FromResult(NetMerge.Run(request, streams, cancellationToken));
        });

        return new Command("net", "IP set arithmetic on feed files (like FireHOL iprange): merge, intersect, subtract, count.")
        {
            merge,
        };
    }
}
