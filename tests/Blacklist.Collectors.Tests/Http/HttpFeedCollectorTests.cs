using System.IO.Compression;
using System.Text;
using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Http;
using Blacklist.Collectors.Scheduling;
using Blacklist.Collectors.Tests.Feeds;
using Blacklist.Core.Parsing;
using Blacklist.Core.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Blacklist.Collectors.Tests.Http;

public sealed class HttpFeedCollectorTests : IAsyncLifetime
{
    private const string Feed = "# test feed\n198.51.100.7\n203.0.113.0/24\n";

    private readonly MemorySourceState state = new();
    private ServiceProvider services = null!;
    private FeedServer server = null!;

    private ISourceCollector Collector => services.GetServices<ISourceCollector>().Single(c => c.Kind == "http");

    public async Task InitializeAsync()
    {
        server = await FeedServer.StartAsync(_ => Task.CompletedTask);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Blacklist:Http:Retries"] = "2",
            ["Blacklist:Http:RetryDelay"] = "00:00:00.010",
            ["Blacklist:Http:AttemptTimeout"] = "00:00:10",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<ISourceStateStore>(state);
        collection.AddHttpFeedCollector(configuration);
        services = collection.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
    }

    private Task<CollectedData> CollectAsync(params (string Key, string Value)[] extra)
        => Collector.CollectAsync(SourceSettings.Context("feed", RunTrigger.Scheduled, [("Url", server.Url().ToString()), .. extra]), CancellationToken.None);

    private static Task Respond(HttpContext context, string body, string? etag = null)
    {
        if (etag is not null)
        {
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            context.Response.Headers.ETag = etag;
        }

        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(body);
    }

    [Fact]
    public async Task A_feed_is_fetched_and_parsed()
    {
        server.Handler = context => Respond(context, Feed);

        var data = await CollectAsync();

        data.NotModified.ShouldBeFalse();
        data.Observations.Select(o => o.Range.ToString()).ShouldBe(["198.51.100.7", "203.0.113.0/24"]);
        data.Fetched.ShouldBe(3);
        data.Bytes.ShouldBe(Encoding.UTF8.GetByteCount(Feed));
    }

    [Fact]
    public async Task A_second_fetch_sends_the_etag_and_a_304_means_unchanged()
    {
        server.Handler = context => Respond(context, Feed, "\"v1\"");

        (await CollectAsync()).Observations.Count.ShouldBe(2);
        var second = await CollectAsync();

        second.NotModified.ShouldBeTrue();
        server.IfNoneMatch.ShouldBe(["", "\"v1\""]);
    }

    [Fact]
    public async Task A_run_that_was_not_applied_forgets_the_etag()
    {
        server.Handler = context => Respond(context, Feed, "\"v1\"");
        await CollectAsync();

        await ((IRunOutcomeObserver)Collector).RunNotAppliedAsync("feed", CancellationToken.None);
        var again = await CollectAsync();

        again.NotModified.ShouldBeFalse();
        server.IfNoneMatch.ShouldBe(["", ""]);
    }

    [Fact]
    public async Task A_changed_url_does_not_send_the_old_validators()
    {
        server.Handler = context => Respond(context, Feed, "\"v1\"");
        await CollectAsync();

        await Collector.CollectAsync(SourceSettings.Context("feed", RunTrigger.Scheduled, ("Url", server.Url("/other.txt").ToString())), CancellationToken.None);

        server.IfNoneMatch.ShouldBe(["", ""]);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_reported()
    {
        server.Handler = context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        };

        var failure = await Should.ThrowAsync<CollectionException>(() => CollectAsync());

        failure.Kind.ShouldBe(CollectionFailure.ServerError);
        failure.Message.ShouldContain("500");
        failure.Message.ShouldContain("3 attempts");
        server.Requests.ShouldBe(3);
    }

    [Fact]
    public async Task A_transient_error_followed_by_success_succeeds()
    {
        var calls = 0;
        server.Handler = context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Task.CompletedTask;
            }

            return Respond(context, Feed);
        };

        (await CollectAsync()).Observations.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Not_found_is_not_retried()
    {
        server.Handler = context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        };

        (await Should.ThrowAsync<CollectionException>(() => CollectAsync())).Kind.ShouldBe(CollectionFailure.NotFound);
        server.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task A_slow_feed_times_out()
    {
        server.Handler = async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await Respond(context, Feed);
        };

        var failure = await Should.ThrowAsync<CollectionException>(() => CollectAsync(("Timeout", "00:00:01")));

        failure.Kind.ShouldBe(CollectionFailure.Timeout);
        failure.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_cut_off_while_streaming()
    {
        server.Handler = async context =>
        {
            // Chunked: no Content-Length, so only the streaming limit can stop it.
            for (var i = 0; i < 100; i++)
            {
                await context.Response.WriteAsync("198.51.100.7\n");
                await context.Response.Body.FlushAsync();
            }
        };

        var failure = await Should.ThrowAsync<CollectionException>(() => CollectAsync(("MaxBytes", "500")));

        failure.Kind.ShouldBe(CollectionFailure.TooLarge);
        failure.Message.ShouldContain("MaxBytes");
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        server.Handler = context =>
        {
            context.Response.ContentLength = Feed.Length;
            return context.Response.WriteAsync(Feed);
        };

        (await Should.ThrowAsync<CollectionException>(() => CollectAsync(("MaxBytes", "10")))).Kind.ShouldBe(CollectionFailure.TooLarge);
    }

    [Fact]
    public async Task Gzip_encoded_feeds_are_decompressed()
    {
        server.Handler = async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(Feed));
        };

        (await CollectAsync()).Observations.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_few_garbage_lines_come_back_as_rejected_issues()
    {
        server.Handler = context => Respond(context, "<html>\n<body>maintenance</body>\n</html>\n");

        var data = await CollectAsync();

        data.Observations.ShouldBeEmpty();
        data.Issues.Count(i => i.Kind == ParseIssueKind.Rejected).ShouldBe(3);
    }

    [Fact]
    public async Task A_large_garbage_body_fails_early_as_unparseable()
    {
        var garbage = string.Concat(Enumerable.Repeat("<div>not an address</div>\n", 5000));
        server.Handler = context => Respond(context, garbage);

        var failure = await Should.ThrowAsync<CollectionException>(() => CollectAsync());

        failure.Kind.ShouldBe(CollectionFailure.Unparseable);
        failure.Message.ShouldContain("Format");
    }

    [Fact]
    public async Task An_unreachable_server_is_a_network_failure()
    {
        var url = server.Url();
        await server.DisposeAsync();
        server = await FeedServer.StartAsync(_ => Task.CompletedTask);

        var failure = await Should.ThrowAsync<CollectionException>(
            () => Collector.CollectAsync(SourceSettings.Context("feed", RunTrigger.Scheduled, ("Url", url.ToString())), CancellationToken.None));

        failure.Kind.ShouldBe(CollectionFailure.Network);
    }
}
