namespace Blacklist.Data.Contracts;

/// <summary>
/// A run's data arrived after the run had been ended elsewhere: its replica lost the source's run
/// lock, and the replica that took the source over marked the run abandoned. Nothing was applied.
/// </summary>
public sealed class RunAlreadyEndedException : Exception
{
    public RunAlreadyEndedException()
    {
    }

    public RunAlreadyEndedException(string message)
        : base(message)
    {
    }

    public RunAlreadyEndedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
