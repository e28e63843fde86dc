using System.Net;

namespace Blacklist.Server.Push;

/// <summary>What the device said to one request: success, or why not and whether trying again may help.</summary>
internal sealed record FortiGateAnswer(HttpStatusCode Status, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>Busy or failing devices (5xx, 408, 429) may answer a retry; a refused key or a wrong feed name will not.</summary>
    public bool IsTransient => !Succeeded && ((int)Status >= 500 || Status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
}
