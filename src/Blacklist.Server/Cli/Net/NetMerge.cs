using System.Globalization;
using Blacklist.Core.Addresses;
using Blacklist.Core.Parsing;

namespace Blacklist.Server.Cli.Net;

/// <summary>
/// Runs `blacklist net merge`: reads every input completely (so an unreadable file prints nothing),
/// combines the sets, and writes the result. Rejected lines go to the error stream as file:line: why.
/// </summary>
internal static class NetMerge
{
    public const int Ok = 0;
    public const int Failed = 1;

    public static int Run(NetMergeRequest request, NetConsole console, CancellationToken cancellationToken = default)
    {
        try
        {
            // An unknown format or encoding is a usage error, reported before any input is read.
            FeedParsers.Create(request.Parser);
        }
        catch (ArgumentException e)
        {
            // The framework appends " (Parameter 'x')", which means nothing to someone at a shell.
            return Fail(console, e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal));
        }

        if (request.Inputs.Count(name => name == "-") + request.Excluded.Count(name => name == "-") > 1)
        {
            return Fail(console, "standard input ('-') can be read only once. Note that --except takes every file after it: name the inputs before --except.");
        }

        var entries = new EntryCounts();
        IpSet? result = null;
        try
        {
            if (request.Common)
            {
                foreach (var input in request.Inputs)
                {
                    var set = Read([input], request, console, entries, cancellationToken);
                    result = result is null ? set : result.Intersect(set);
                }
            }
            else
            {
                result = Read(request.Inputs, request, console, entries, cancellationToken);
            }

            if (request.Excluded.Count > 0)
            {
                result = result!.Except(Read(request.Excluded, request, console, entries: null, cancellationToken));
            }
        }
        catch (InputUnreadableException e)
        {
            return Fail(console, e.Message);
        }
        finally
        {
            console.Error.Flush();
        }

        var writer = new AddressListWriter(console.Output);
        switch (request.Output)
        {
            case NetOutputMode.Ranges:
                writer.WriteRanges(result!);
                break;
            case NetOutputMode.Count:
                WriteCounts(writer, result!, entries);
                break;
            default:
                writer.WriteCidrs(result!);
                break;
        }

        writer.Flush();
        console.Output.Flush();
        return Ok;
    }

    private static IpSet Read(IEnumerable<string> names, NetMergeRequest request, NetConsole console, EntryCounts? entries, CancellationToken cancellationToken)
    {
        var builder = new IpSetBuilder();
        foreach (var name in names)
        {
            var shown = name == "-" ? "stdin" : name;
            using var stream = Open(name, console);
            try
            {
                FeedParsers.ReadRanges(stream, request.Parser, builder, issue => Report(console.Error, shown, issue), cancellationToken);
            }
            catch (IOException e)
            {
                throw new InputUnreadableException($"cannot read '{shown}': {e.Message}", e);
            }
        }

        entries?.Add(builder);
        return builder.Build();
    }

    private static Stream Open(string name, NetConsole console)
    {
        if (name == "-")
        {
            return console.OpenInput();
        }

        try
        {
            // The line reader buffers, so the file stream does not.
            return new FileStream(name, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputUnreadableException($"cannot read '{name}': {e.Message}", e);
        }
    }

    private static void Report(TextWriter error, string name, ParseIssue issue)
    {
        var kind = issue.Kind == ParseIssueKind.Warning ? "warning: " : string.Empty;
        error.Write($"{name}:{issue.LineNumber.ToString(CultureInfo.InvariantCulture)}: {kind}{issue.Message}\n");
    }

    private static void WriteCounts(AddressListWriter writer, IpSet set, EntryCounts entries)
    {
        writer.WriteLine("family,entries,ranges,cidrs,unique_ips");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ipv4,{entries.V4},{set.V4.Count},{set.V4.CidrBlockCount()},{set.AddressCount(IpFamily.V4)}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ipv6,{entries.V6},{set.V6.Count},{set.V6.CidrBlockCount()},{set.AddressCount(IpFamily.V6)}"));
    }

    /// <summary>Reports a usage error or an unreadable input and returns the failure exit code.</summary>
    public static int Fail(NetConsole console, string message)
    {
        console.Error.Write($"blacklist net: {message}\n");
        console.Error.Flush();
        return Failed;
    }

    /// <summary>Ranges read from the inputs (not the exclusions), per family, before merging.</summary>
    private sealed class EntryCounts
    {
        public long V4 { get; private set; }

        public long V6 { get; private set; }

        public void Add(IpSetBuilder builder)
        {
            V4 += builder.V4Count;
            V6 += builder.V6Count;
        }
    }
}
