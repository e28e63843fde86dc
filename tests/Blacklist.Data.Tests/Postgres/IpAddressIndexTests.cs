using Blacklist.Core.Indicators;
using Blacklist.Data.Model;
using Blacklist.Data.Tests.Infrastructure;
using Blacklist.Testing;
using Microsoft.EntityFrameworkCore;
using static Blacklist.Data.Tests.Infrastructure.Runs;

namespace Blacklist.Data.Tests.Postgres;

/// <summary>The operators' index check (`EXPLAIN ANALYZE … WHERE ip_address = …`) on a real PostgreSQL, whatever provider the run selected.</summary>
public sealed class IpAddressIndexTests
{
    [Fact]
    public async Task A_lookup_by_ip_address_uses_an_index_and_finds_the_entry()
    {
        await using var db = await TestDatabase.CreateAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:Blacklist"] = await SharedPostgres.DatabaseForAsync("ip-address-index-" + Guid.NewGuid()),
        });
        var feed = Enumerable.Range(0, 5_000).Select(i => new Observation(Core.Addresses.IpRange.V4((uint)(0x0B000000 + (i * 3))))).ToList();
        feed.Add(V4("198.51.100.0/24"));
        feed.Add(V4("203.0.113.10-203.0.113.20"));
        await ApplyAsync(db, "feed", feed);

        await using var context = await db.Get<IDbContextFactory<BlacklistDbContext>>().CreateDbContextAsync();
        await context.Database.ExecuteSqlRawAsync("ANALYZE indicators");
        var plan = string.Join('\n', await QueryAsync(context, "EXPLAIN ANALYZE SELECT * FROM indicators WHERE ip_address = '11.0.0.3'"));

        plan.ShouldContain("Index", customMessage: plan);
        plan.ShouldContain("ix_indicators_ip_address", customMessage: plan);
        (await QueryAsync(context, "SELECT range_text FROM indicators WHERE ip_address = '11.0.0.3'")).ShouldBe(["11.0.0.3"]);
        (await QueryAsync(context, "SELECT range_text FROM indicators WHERE ip_address = '198.51.100.0/24'")).ShouldBe(["198.51.100.0/24"]);
        (await QueryAsync(context, "SELECT host(ip_address) FROM indicators WHERE range_text = '203.0.113.10-203.0.113.20'")).ShouldBe(["203.0.113.10"]);
    }

    private static async Task<List<string>> QueryAsync(BlacklistDbContext context, string sql)
    {
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
