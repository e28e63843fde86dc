namespace Blacklist.Collectors.Abstractions;

/// <summary>Why a run failed, in words an operator can act on; <see cref="Kind"/> lets the status page group them.</summary>
public sealed class CollectionException : Exception
{
    public CollectionException(CollectionFailure kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public CollectionException()
        : this(CollectionFailure.Other, "collection failed")
    {
    }

    public CollectionException(string message)
        : this(CollectionFailure.Other, message)
    {
    }

    public CollectionException(string message, Exception innerException)
        : this(CollectionFailure.Other, message, innerException)
    {
    }

    public CollectionFailure Kind { get; }

    /// <summary>True when retrying later may help (network, 5xx); false for bad credentials, OTP, changed pages.</summary>
    public bool IsTransient => Kind is CollectionFailure.Network or CollectionFailure.ServerError or CollectionFailure.Timeout;
}

public enum CollectionFailure
{
    Other,
    Network,
    Timeout,
    ServerError,
    NotFound,
    TooLarge,
    BadCredentials,
    CredentialsMissing,
    OtpRequired,
    SmsTwoFactorRequired,
    LockedOut,
    ProviderChanged,
    StaleData,
    Unparseable,
}
