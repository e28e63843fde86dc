namespace Blacklist.Data.Backup;

/// <summary>
/// A backup or restore that must not go on: a damaged or foreign file, a database in use, a missing
/// tool. The message says what is wrong and what to do; nothing was replaced.
/// </summary>
public sealed class BackupRefusedException : Exception
{
    public BackupRefusedException()
    {
    }

    public BackupRefusedException(string message)
        : base(message)
    {
    }

    public BackupRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
