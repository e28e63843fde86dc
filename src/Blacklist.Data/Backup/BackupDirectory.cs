using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Blacklist.Data.Backup;

/// <summary>
/// The backup folder's conventions: dated names (<c>blacklist-2026-11-27T023000.123Z.db</c>) that
/// sort by time, a <c>.sha256</c> file beside each (<c>sha256sum -c</c> reads it), files written
/// under a temporary name and renamed when complete, and retention of the newest N.
/// </summary>
internal static partial class BackupDirectory
{
    public const string ChecksumSuffix = ".sha256";
    private const string PartialSuffix = ".partial";

    /// <summary>
    /// Writes a backup: <paramref name="write"/> fills the temporary file it is given; when it returns
    /// the file gets its dated name and checksum, and retention runs. On failure nothing is left behind.
    /// </summary>
    public static async Task<BackupFile> WriteAsync(
        string directory, DateTimeOffset now, string extension, int keep, Func<string, Task> write, CancellationToken cancellationToken)
    {
        var path = NewPath(directory, now, extension);
        var partial = PartialPath(path);
        try
        {
            await write(partial);
            return await CompleteAsync(partial, path, keep, cancellationToken);
        }
        catch
        {
            DeleteQuietly(partial);
            throw;
        }
    }

    /// <summary>A new backup's final path; <paramref name="extension"/> is "db" or "dump".</summary>
    public static string NewPath(string directory, DateTimeOffset now, string extension)
    {
        Directory.CreateDirectory(directory);
        var stamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, $"blacklist-{stamp}.{extension}");
        return File.Exists(path)
            ? throw new BackupRefusedException($"{path} already exists; wait a moment and run the backup again.")
            : path;
    }

    /// <summary>Where a backup is written until it is complete (retention and restore ignore it).</summary>
    public static string PartialPath(string path) => path + PartialSuffix;

    /// <summary>Moves a complete file to its final name and writes its checksum file.</summary>
    public static async Task<BackupFile> CompleteAsync(string partial, string path, int keep, CancellationToken cancellationToken)
    {
        var sha256 = await HashAsync(partial, cancellationToken);
        File.Move(partial, path);
        await File.WriteAllTextAsync(path + ChecksumSuffix, $"{sha256}  {Path.GetFileName(path)}\n", cancellationToken);
        var pruned = Prune(Path.GetDirectoryName(path)!, keep);
        return new BackupFile(path, new FileInfo(path).Length, sha256, pruned);
    }

    /// <summary>Deletes all but the <paramref name="keep"/> newest backups (and their checksum files); returns what it deleted.</summary>
    public static IReadOnlyList<string> Prune(string directory, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var old = Directory.EnumerateFiles(directory)
            .Where(f => BackupName().IsMatch(Path.GetFileName(f)))
            .OrderDescending(StringComparer.Ordinal)
            .Skip(keep)
            .ToList();
        foreach (var file in old)
        {
            File.Delete(file);
            File.Delete(file + ChecksumSuffix);
        }

        return old;
    }

    /// <summary>
    /// Compares the file with its <c>.sha256</c> file, when there is one: SQLite's own checks cannot
    /// see a flipped byte inside a stored value. Returns false when there is no checksum file.
    /// </summary>
    public static async Task<bool> VerifyChecksumAsync(string file, CancellationToken cancellationToken)
    {
        var checksumFile = file + ChecksumSuffix;
        if (!File.Exists(checksumFile))
        {
            return false;
        }

        var expected = (await File.ReadAllTextAsync(checksumFile, cancellationToken)).Split(' ', 2)[0].Trim();
        var actual = await HashAsync(file, cancellationToken);
        if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupRefusedException(
                $"{file} is damaged: its SHA-256 is {actual}, but {Path.GetFileName(checksumFile)} records {expected}. "
                + "Nothing was replaced; restore another backup (ls the backup directory).");
        }

        return true;
    }

    /// <summary>The file to restore, with a clear message when it is missing or half-written.</summary>
    public static string RequireRestorable(string file)
    {
        var full = Path.GetFullPath(file);
        if (full.EndsWith(PartialSuffix, StringComparison.Ordinal))
        {
            throw new BackupRefusedException($"{full} is an unfinished backup (a backup was interrupted while writing it); restore a complete one.");
        }

        return File.Exists(full) ? full : throw new BackupRefusedException($"{full} does not exist; name a backup file (ls the backup directory).");
    }

    /// <summary>Removes a file if it is there, for clean-up after a failure.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task<string> HashAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    [GeneratedRegex(@"^blacklist-\d{4}-\d{2}-\d{2}T\d{6}\.\d{3}Z\.(db|dump)$")]
    private static partial Regex BackupName();
}
