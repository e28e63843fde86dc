namespace Blacklist.Core.Tests.Rendering;

/// <summary>A fact that is skipped, with the reason, only where network namespaces are not permitted.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NetworkNamespaceFactAttribute : FactAttribute
{
    public NetworkNamespaceFactAttribute()
    {
        if (NetworkNamespace.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
