using Blacklist.Server.Tests.Cli.Backup;
using Blacklist.Testing;

namespace Blacklist.Server.Tests.Cli;

/// <summary>`blacklist backup` / `restore` with Database:Provider=postgres: pg_dump custom format and pg_restore, on a real server.</summary>
public sealed class PostgresBackupProcessTests
{
    [Fact]
    public async Task A_pg_dump_backup_restores_the_list_and_damaged_or_foreign_files_are_refused()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var instance = await BlacklistInstance.OnPostgresAsync(postgres);
        await ImportAsync(instance, "first", "45.1.2.3", "45.1.2.9", "2a00:1450:4001::1");
        var atBackup = await instance.RunAsync("export");
        atBackup.ExitCode.ShouldBe(0, atBackup.Error);
        atBackup.Output.ShouldContain("45.1.2.3");

        var backup = await instance.RunAsync("backup");
        backup.ExitCode.ShouldBe(0, backup.Error);
        var dump = Directory.GetFiles(instance.BackupDirectory, "blacklist-*.dump").ShouldHaveSingleItem();
        File.Exists(dump + ".sha256").ShouldBeTrue();

        await ImportAsync(instance, "second", "45.7.7.7");
        var changed = (await instance.RunAsync("export")).Output;
        changed.ShouldContain("45.7.7.7");

        var damaged = Path.Combine(instance.DataDirectory, "damaged.dump");
        File.Copy(dump, damaged);
        File.Copy(dump + ".sha256", damaged + ".sha256");
        using (var stream = File.Open(damaged, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = stream.Length / 2;
            var value = stream.ReadByte();
            stream.Position = stream.Length / 2;
            stream.WriteByte((byte)(value ^ 0xFF));
        }

        var foreign = Path.Combine(instance.DataDirectory, "foreign.dump");
        await File.WriteAllTextAsync(foreign, "45.1.2.3\n");

        var refusedDamaged = await instance.RunAsync("restore", damaged);
        var refusedForeign = await instance.RunAsync("restore", foreign);
        refusedDamaged.ExitCode.ShouldBe(1);
        refusedDamaged.Error.ShouldContain("is damaged: its SHA-256");
        refusedForeign.ExitCode.ShouldBe(1);
        refusedForeign.Error.ShouldContain("pg_restore --list cannot read it");
        (await instance.RunAsync("export")).Output.ShouldBe(changed, "a refused restore changed the database");

        var restore = await instance.RunAsync("restore", dump);
        restore.ExitCode.ShouldBe(0, restore.Error);
        restore.Output.ShouldContain("Restart the servers");
        (await instance.RunAsync("export")).Output.ShouldBe(atBackup.Output);
    }

    private static async Task ImportAsync(BlacklistInstance instance, string source, params string[] addresses)
    {
        var feed = Path.Combine(instance.DataDirectory, source + ".txt");
        await File.WriteAllLinesAsync(feed, addresses);
        var import = await instance.RunAsync("import", feed, "--source", source);
        import.ExitCode.ShouldBe(0, import.Error);
    }
}
