using Blacklist.Data.Backup;

namespace Blacklist.Data.Tests.Backup;

public sealed class BackupDirectoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("blacklist-backups-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Retention_keeps_the_newest_backups_by_their_dated_names_and_nothing_else_is_touched()
    {
        string[] backups =
        [
            "blacklist-2026-11-25T023000.000Z.db", "blacklist-2026-11-27T023000.000Z.db",
            "blacklist-2026-11-26T023000.000Z.dump", "blacklist-2026-11-24T023000.000Z.db",
        ];
        foreach (var name in backups)
        {
            Touch(name);
            Touch(name + BackupDirectory.ChecksumSuffix);
        }

        Touch("blacklist-2026-11-28T023000.000Z.db.partial");
        Touch("notes.txt");

        var pruned = BackupDirectory.Prune(_directory, keep: 2);

        pruned.Select(Path.GetFileName).ShouldBe(["blacklist-2026-11-25T023000.000Z.db", "blacklist-2026-11-24T023000.000Z.db"]);
        Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(
        [
            "blacklist-2026-11-26T023000.000Z.dump", "blacklist-2026-11-26T023000.000Z.dump.sha256",
            "blacklist-2026-11-27T023000.000Z.db", "blacklist-2026-11-27T023000.000Z.db.sha256",
            "blacklist-2026-11-28T023000.000Z.db.partial", "notes.txt",
        ]);
    }

    [Fact]
    public async Task A_completed_backup_carries_a_checksum_that_catches_any_changed_byte()
    {
        var path = BackupDirectory.NewPath(_directory, new DateTimeOffset(2026, 11, 27, 2, 30, 0, TimeSpan.Zero), "db");
        var partial = BackupDirectory.PartialPath(path);
        await File.WriteAllTextAsync(partial, "some backup bytes");

        var backup = await BackupDirectory.CompleteAsync(partial, path, keep: 3, CancellationToken.None);

        Path.GetFileName(backup.Path).ShouldBe("blacklist-2026-11-27T023000.000Z.db");
        File.Exists(partial).ShouldBeFalse();
        (await File.ReadAllTextAsync(path + BackupDirectory.ChecksumSuffix)).ShouldBe($"{backup.Sha256}  blacklist-2026-11-27T023000.000Z.db\n");
        (await BackupDirectory.VerifyChecksumAsync(path, CancellationToken.None)).ShouldBeTrue();

        await File.WriteAllTextAsync(path, "some backup byteS");
        var refused = await Should.ThrowAsync<BackupRefusedException>(() => BackupDirectory.VerifyChecksumAsync(path, CancellationToken.None));
        refused.Message.ShouldContain("is damaged: its SHA-256 is");

        File.Delete(path + BackupDirectory.ChecksumSuffix);
        (await BackupDirectory.VerifyChecksumAsync(path, CancellationToken.None)).ShouldBeFalse();
        Should.Throw<BackupRefusedException>(() => BackupDirectory.NewPath(_directory, new DateTimeOffset(2026, 11, 27, 2, 30, 0, TimeSpan.Zero), "db"));
    }

    [Fact]
    public void Unfinished_and_missing_files_are_not_restorable()
    {
        Touch("blacklist-2026-11-27T023000.000Z.db.partial");

        Should.Throw<BackupRefusedException>(() => BackupDirectory.RequireRestorable(Path.Combine(_directory, "blacklist-2026-11-27T023000.000Z.db.partial")))
            .Message.ShouldContain("unfinished backup");
        Should.Throw<BackupRefusedException>(() => BackupDirectory.RequireRestorable(Path.Combine(_directory, "missing.db")))
            .Message.ShouldContain("does not exist");
    }

    private void Touch(string name) => File.WriteAllText(Path.Combine(_directory, name), name);
}
