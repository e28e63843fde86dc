using System.Net;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Hosting;

public sealed class RestartTests
{
    [Fact]
    public async Task A_restarted_host_on_the_same_data_serves_the_same_list_and_keeps_the_collection_switch()
    {
        var first = new BlacklistAppFactory { KeepDataDirectory = true };
        string dataDirectory = first.DataDirectory;
        byte[] servedBefore;
        string etagBefore;
        try
        {
            await using (var app = ServedApp.Start(first))
            {
                await app.BlockAsync("45.1.2.3");
                await app.Factory.ChangeAndWaitAsync(() => app.Client.AddManualAsync(new { cidr = "45.2.0.0/16", reason = "net", category = "scanner" }));
                await app.BlockAsync("2a00:1450::7");
                await app.AllowAsync("45.2.3.4");
                (await app.Client.PostAsync("/api/collection/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
                var response = await app.Client.GetAsync("/api/blacklist/active");
                servedBefore = await response.Content.ReadAsByteArrayAsync();
                etagBefore = response.Headers.ETag!.Tag;
            }

            await using var restarted = ServedApp.Start(new BlacklistAppFactory(dataDirectory, first.Time));
            var again = await restarted.Client.GetAsync("/api/blacklist/active");

            (await again.Content.ReadAsByteArrayAsync()).ShouldBe(servedBefore);
            again.Headers.ETag!.Tag.ShouldBe(etagBefore);
            var status = await (await restarted.Client.GetAsync("/api/collection/status")).JsonAsync();
            status.GetProperty("collectionEnabled").GetBoolean().ShouldBeFalse();
            (await (await restarted.Client.GetAsync("/api/allowlist")).JsonAsync()).GetArrayLength().ShouldBe(1);
            (await (await restarted.Client.GetAsync("/api/blacklist/manual")).JsonAsync()).GetArrayLength().ShouldBe(3);
            var search = await (await restarted.Client.GetAsync("/api/search/45.2.3.4")).JsonAsync();
            search.GetProperty("allowlisted").GetBoolean().ShouldBeTrue();
        }
        finally
        {
            BlacklistAppFactory.TryDelete(dataDirectory);
        }
    }
}
