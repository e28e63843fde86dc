namespace Blacklist.Server.Security;

/// <summary>The authentication failure that means "the database could not say": the challenge answers 503, not 401.</summary>
internal sealed class KeyUncheckableException : Exception
{
    public KeyUncheckableException()
        : base("The API key cannot be checked: the database is unreachable and the key was not confirmed recently.")
    {
    }

    public KeyUncheckableException(string message)
        : base(message)
    {
    }

    public KeyUncheckableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
