using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.File;
using Blacklist.Collectors.Tests.Feeds;
using Blacklist.Core.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace Blacklist.Collectors.Tests.File;

public sealed class FileFeedCollectorTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("blacklist-file-feed-").FullName;
    private readonly ServiceProvider services;

    public FileFeedCollectorTests()
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<ISourceStateStore>(new MemorySourceState());
        collection.AddFileFeedCollector();
        collection.Configure<FileFeedOptions>(o =>
        {
            o.SearchDirectories.Add(Path.Combine(directory, "missing"));
            o.SearchDirectories.Add(directory);
        });
        services = collection.BuildServiceProvider();
    }

    private ISourceCollector Collector => services.GetServices<ISourceCollector>().Single(c => c.Kind == "file");

    public void Dispose()
    {
        services.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_relative_path_is_found_in_the_search_directories()
    {
        await System.IO.File.WriteAllTextAsync(Path.Combine(directory, "feed.txt"), "198.51.100.7\n# note\n203.0.113.0/24");

        var data = await Collector.CollectAsync(SourceSettings.Context("f", RunTrigger.Scheduled, ("Path", "feed.txt")), CancellationToken.None);

        data.Observations.Count.ShouldBe(2);
        data.Fetched.ShouldBe(3);
    }

    [Fact]
    public async Task An_unchanged_file_is_not_modified_for_scheduled_runs_but_read_for_manual_ones()
    {
        await System.IO.File.WriteAllTextAsync(Path.Combine(directory, "feed.txt"), "198.51.100.7\n");
        await Collector.CollectAsync(SourceSettings.Context("f", RunTrigger.Scheduled, ("Path", "feed.txt")), CancellationToken.None);

        (await Collector.CollectAsync(SourceSettings.Context("f", RunTrigger.Scheduled, ("Path", "feed.txt")), CancellationToken.None)).NotModified.ShouldBeTrue();
        (await Collector.CollectAsync(SourceSettings.Context("f", RunTrigger.Manual, ("Path", "feed.txt")), CancellationToken.None)).Observations.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_file_names_every_place_looked()
    {
        var failure = await Should.ThrowAsync<CollectionException>(
            () => Collector.CollectAsync(SourceSettings.Context("f", RunTrigger.Scheduled, ("Path", "nope.txt")), CancellationToken.None));

        failure.Kind.ShouldBe(CollectionFailure.NotFound);
        failure.Message.ShouldContain(Path.Combine(directory, "missing", "nope.txt"));
        failure.Message.ShouldContain(Path.Combine(directory, "nope.txt"));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        await System.IO.File.WriteAllTextAsync(Path.Combine(directory, "big.txt"), string.Concat(Enumerable.Repeat("198.51.100.7\n", 100)));

        var failure = await Should.ThrowAsync<CollectionException>(
            () => Collector.CollectAsync(SourceSettings.Context("f", RunTrigger.Manual, ("Path", "big.txt"), ("MaxBytes", "100")), CancellationToken.None));

        failure.Kind.ShouldBe(CollectionFailure.TooLarge);
    }
}
