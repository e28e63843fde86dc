using System.Threading.RateLimiting;

namespace Blacklist.Server.Security;

/// <summary>A lease decided by the shared (Redis) window: acquired, or refused with how long until the window ends.</summary>
internal sealed class SharedWindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
{
    private static readonly string[] RetryAfterOnly = [MetadataName.RetryAfter.Name];

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : RetryAfterOnly;

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = wait;
            return true;
        }

        metadata = null;
        return false;
    }
}
