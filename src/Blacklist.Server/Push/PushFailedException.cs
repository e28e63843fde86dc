namespace Blacklist.Server.Push;

/// <summary>A push request the device refused or never answered, after the quick retries.</summary>
internal sealed class PushFailedException : Exception
{
    public PushFailedException()
    {
    }

    public PushFailedException(string message)
        : base(message)
    {
    }

    public PushFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
