namespace Blacklist.Data.Backup;

/// <summary>A finished backup: where it is, how big, its SHA-256 (also in <c>{Path}.sha256</c>), and the older backups retention deleted.</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256, IReadOnlyList<string> Pruned);
