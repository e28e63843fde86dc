using System.Globalization;
using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Feeds;
using Blacklist.Collectors.Scheduling;
using Blacklist.Core.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Blacklist.Collectors.File;

/// <summary>
/// Kind "file": a feed on local disk (a bundled sample, a mounted export, an import). An
/// unchanged file (same size and modification time) answers "not modified", like a 304.
/// </summary>
internal sealed partial class FileFeedCollector(ISourceStateStore state, IOptions<FileFeedOptions> options, ILogger<FileFeedCollector> logger)
    : ISourceCollector, IRunOutcomeObserver
{
    private const string StampKey = "file.stamp";

    public string Kind => "file";

    public async Task<CollectedData> CollectAsync(CollectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = FeedSourceSettings.ReadValid(context.Settings);
        var configured = settings.Path ?? throw new CollectionException(CollectionFailure.Other, $"{context.Settings.Path}:Path is not set; give the feed file's path");
        var file = Locate(configured);
        if (file.Length > settings.MaxBytes)
        {
            throw FeedReader.TooLarge(Invariant($"the file {file.FullName}"), settings.MaxBytes);
        }

        var stamp = Invariant($"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}");
        if (context.Trigger == RunTrigger.Scheduled && await state.GetAsync(context.Source, StampKey, cancellationToken) == stamp)
        {
            return CollectedData.Unchanged;
        }

        CollectedData data;
        try
        {
            await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
            data = FeedReader.Read(stream, settings, Invariant($"the file {file.FullName}"), cancellationToken);
        }
        catch (IOException e) when (e is not FeedTooLargeException)
        {
            throw new CollectionException(CollectionFailure.Other, Invariant($"could not read {file.FullName}: {e.Message}"), e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CollectionException(CollectionFailure.Other, Invariant($"no permission to read {file.FullName}; give the service's user read access"), e);
        }

        await state.SetAsync(context.Source, StampKey, stamp, cancellationToken);
        LogRead(logger, context.Source, file.FullName, data.Observations.Count);
        return data;
    }

    public Task RunNotAppliedAsync(string source, CancellationToken cancellationToken) => state.SetAsync(source, StampKey, null, cancellationToken);

    private FileInfo Locate(string configured)
    {
        if (Path.IsPathRooted(configured))
        {
            var rooted = new FileInfo(configured);
            return rooted.Exists ? rooted : throw NotFound(configured, [rooted.FullName]);
        }

        var tried = new List<string>();
        foreach (var directory in options.Value.SearchDirectories)
        {
            var candidate = new FileInfo(Path.Combine(directory, configured));
            if (candidate.Exists)
            {
                return candidate;
            }

            tried.Add(candidate.FullName);
        }

        throw NotFound(configured, tried);
    }

    private static CollectionException NotFound(string configured, IReadOnlyList<string> tried)
        => new(CollectionFailure.NotFound, $"the feed file '{configured}' does not exist (looked for {string.Join(", ", tried)}); fix the source's Path");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Source {Source}: read {Path}, {Count} entries parsed")]
    private static partial void LogRead(ILogger logger, string source, string path, int count);
}
