using System.Security.Cryptography;
using Blacklist.Server.Tests.Cli.Backup;
using Microsoft.Data.Sqlite;

namespace Blacklist.Server.Tests.Cli;

/// <summary>`blacklist restore` refuses damaged and foreign files and leaves the database as it was.</summary>
public sealed class RestoreProcessTests(RestoreProcessTests.Backups backups) : IClassFixture<RestoreProcessTests.Backups>
{
    public enum Damage
    {
        FlippedBytes,
        FlippedBytesWithoutChecksum,
        Truncated,
        NotADatabase,
        ForeignDatabase,
    }

    [Theory]
    [InlineData(Damage.FlippedBytes, "is damaged: its SHA-256")]
    [InlineData(Damage.FlippedBytesWithoutChecksum, "cannot be restored")]
    [InlineData(Damage.Truncated, "cannot be restored")]
    [InlineData(Damage.NotADatabase, "SQLite cannot read it")]
    [InlineData(Damage.ForeignDatabase, "it is not a blacklist database: the blacklist table(s)")]
    public async Task A_damaged_or_foreign_file_is_refused_and_nothing_is_replaced(Damage damage, string message)
    {
        var file = backups.Damaged(damage);
        var before = Hash(backups.Target.Database);

        var result = await backups.Target.RunAsync("restore", file);

        result.ExitCode.ShouldBe(1, result.Output);
        result.Error.ShouldContain(message);
        result.Error.ShouldContain("Nothing was replaced");
        Hash(backups.Target.Database).ShouldBe(before);
        Directory.GetFiles(backups.Target.DataDirectory).ShouldNotContain(f => f.EndsWith(".restoring", StringComparison.Ordinal));
        File.Exists(backups.Target.Database + ".pre-restore").ShouldBeFalse();
    }

    [Fact]
    public async Task An_intact_backup_replaces_the_database_and_keeps_the_previous_one()
    {
        await using var target = new BlacklistInstance();
        (await target.RunAsync("keys", "create", "--name", "replaced-key", "--role", "reader")).ExitCode.ShouldBe(0);

        var result = await target.RunAsync("restore", backups.Intact);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain($"into {target.Database}");
        Hash(target.Database).ShouldBe(Hash(backups.Intact));
        KeyNames(target.Database).ShouldBe(["restore-test"]);
        KeyNames(target.Database + ".pre-restore").ShouldBe(["replaced-key"]);
        (await target.RunAsync("keys", "list")).Output.ShouldContain("restore-test");
    }

    [Fact]
    public async Task Backups_beyond_keep_are_deleted_oldest_first()
    {
        var directory = Path.Combine(backups.Source.DataDirectory, "retention");
        var written = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var run = await backups.Source.RunAsync("backup", "--directory", directory, "--keep", "2");
            run.ExitCode.ShouldBe(0, run.Error);
            written.Add(Directory.GetFiles(directory, "*.db").Except(written).ShouldHaveSingleItem());
        }

        Directory.GetFiles(directory).Order().ShouldBe([written[1], written[1] + ".sha256", written[2], written[2] + ".sha256"]);
        var refused = await backups.Source.RunAsync("backup", "--directory", directory, "--keep", "0");
        refused.ExitCode.ShouldNotBe(0);
        refused.Error.ShouldContain("--keep must be at least 1");
    }

    [Fact]
    public async Task A_missing_database_or_file_gets_a_clear_message()
    {
        await using var empty = new BlacklistInstance();

        var backup = await empty.RunAsync("backup");
        var restore = await empty.RunAsync("restore", Path.Combine(empty.DataDirectory, "nope.db"));

        backup.ExitCode.ShouldBe(1);
        backup.Error.ShouldContain("There is no database at");
        restore.ExitCode.ShouldBe(1);
        restore.Error.ShouldContain("nope.db does not exist");
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    private static List<string> KeyNames(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM api_keys ORDER BY name;";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>One source database with its backup, and one target database that refusals must leave alone.</summary>
    public sealed class Backups : IAsyncLifetime
    {
        internal BlacklistInstance Source { get; } = new();

        internal BlacklistInstance Target { get; } = new();

        public string Intact { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var key = await Source.RunAsync("keys", "create", "--name", "restore-test", "--role", "reader");
            key.ExitCode.ShouldBe(0, key.Error);
            var backup = await Source.RunAsync("backup");
            backup.ExitCode.ShouldBe(0, backup.Error);
            Intact = Directory.GetFiles(Source.BackupDirectory, "*.db").ShouldHaveSingleItem();
            (await Target.RunAsync("migrate")).ExitCode.ShouldBe(0);
        }

        /// <summary>A damaged copy of <see cref="Intact"/> (with its checksum file unless the damage says otherwise).</summary>
        public string Damaged(Damage damage)
        {
            var directory = Directory.CreateDirectory(Path.Combine(Source.DataDirectory, damage.ToString())).FullName;
            var file = Path.Combine(directory, Path.GetFileName(Intact));
            File.Copy(Intact, file, overwrite: true);
            if (damage == Damage.FlippedBytes)
            {
                File.Copy(Intact + ".sha256", file + ".sha256", overwrite: true);
            }

            switch (damage)
            {
                case Damage.FlippedBytes:
                    Flip(file, File.ReadAllBytes(file).Length / 2);
                    break;
                case Damage.FlippedBytesWithoutChecksum:
                    // Page 1's b-tree header (it starts at byte 100): the schema table is unreadable.
                    Flip(file, 100);
                    Flip(file, 103);
                    break;
                case Damage.Truncated:
                    using (var stream = File.OpenWrite(file))
                    {
                        stream.SetLength(stream.Length / 2);
                    }

                    break;
                case Damage.NotADatabase:
                    File.WriteAllText(file, "1.2.3.4\n5.6.7.8\n");
                    break;
                case Damage.ForeignDatabase:
                    File.Delete(file);
                    using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
                    {
                        connection.Open();
                        using var command = connection.CreateCommand();
                        command.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hello');";
                        command.ExecuteNonQuery();
                    }

                    break;
            }

            return file;
        }

        public async Task DisposeAsync()
        {
            await Source.DisposeAsync();
            await Target.DisposeAsync();
        }

        private static void Flip(string file, int offset)
        {
            using var stream = File.Open(file, FileMode.Open, FileAccess.ReadWrite);
            stream.Position = offset;
            var value = stream.ReadByte();
            stream.Position = offset;
            stream.WriteByte((byte)(value ^ 0xFF));
        }
    }
}
