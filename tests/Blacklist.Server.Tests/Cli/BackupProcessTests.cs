using Blacklist.Server.Tests.Cli.Backup;
using Blacklist.Server.Tests.Cli.Net;
using Xunit.Abstractions;

namespace Blacklist.Server.Tests.Cli;

/// <summary>`blacklist backup` and `blacklist restore` as an operator runs them, against a server under load.</summary>
public sealed class BackupProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_backup_taken_while_the_service_reads_and_writes_restores_to_a_database_that_serves_the_same_list()
    {
        await using var original = new BlacklistInstance();
        var import = await original.RunAsync("import", ChildProcess.TestData("ipsum-2026-08-22.txt"), "--source", "ipsum");
        import.ExitCode.ShouldBe(0, import.Error);
        var key = await original.CreateAdminKeyAsync();
        using var client = await original.StartServerAsync(key);
        var before = ListLoad.Lines(await client.GetStringAsync("/api/blacklist/active"));
        before.Length.ShouldBeGreaterThan(50_000);

        using var load = new ListLoad(client, before.ToHashSet(StringComparer.Ordinal));
        load.Start();
        await load.WaitForCommittedAsync(10);
        var committedBefore = load.CommittedCount;
        var backup = await original.RunAsync("backup");
        var committedAfter = load.CommittedCount + 1; // one write may be in flight when the backup ends
        await load.WaitForCommittedAsync(committedAfter + 5);
        await load.StopAsync();
        output.WriteLine($"{committedBefore} writes before the backup, {committedAfter - 1} after it; {load.Reads} reads; {backup.Output}");

        backup.ExitCode.ShouldBe(0, backup.Error);
        var file = Directory.GetFiles(original.BackupDirectory, "blacklist-*.db").ShouldHaveSingleItem();
        backup.Output.ShouldContain(file);
        File.ReadAllText(file + ".sha256").ShouldStartWith(backup.Output.Split("sha256 ")[1][..64]);

        // The database the service has open is not replaced under it.
        var busy = await original.RunAsync("restore", file);
        busy.ExitCode.ShouldBe(1, busy.Output);
        busy.Error.ShouldContain("is open in another process");

        await using var restored = new BlacklistInstance();
        var restore = await restored.RunAsync("restore", file);
        restore.ExitCode.ShouldBe(0, restore.Error);
        using var restoredClient = await restored.StartServerAsync(key);
        var served = await restoredClient.GetStringAsync("/api/blacklist/active");

        // A consistent state: everything committed before the backup began, and then exactly the
        // manual writes up to some point during it, in the order they were committed.
        var lines = ListLoad.Lines(served).ToHashSet(StringComparer.Ordinal);
        lines.IsSupersetOf(before).ShouldBeTrue("entries committed before the backup are missing");
        var added = lines.Except(before).ToList();
        added.Count.ShouldBeInRange(committedBefore, committedAfter);
        added.ShouldBe(load.Committed.Take(added.Count), ignoreOrder: true);
        if (load.ServedHashes.TryGetValue(lines.Count, out var hash))
        {
            ListLoad.Hash(served).ShouldBe(hash, "the restored service serves other bytes than the original served for the same list");
        }

        // The credentials came back with the list: the key made before the backup still works.
        (await restoredClient.GetAsync("/api/blacklist/manual")).IsSuccessStatusCode.ShouldBeTrue();
    }
}
