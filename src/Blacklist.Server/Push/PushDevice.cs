namespace Blacklist.Server.Push;

/// <summary>One FortiGate to push a feed profile to, read and checked from <see cref="PushDeviceSettings"/>.</summary>
/// <param name="Name">The device's name in configuration, status and metrics.</param>
/// <param name="Endpoint">The external-resource monitor API of the device.</param>
/// <param name="Profile">The feed profile pushed.</param>
/// <param name="Resource">The threat feed's name on the device.</param>
/// <param name="Token">The REST API administrator's key (never shown).</param>
internal sealed record PushDevice(string Name, Uri Endpoint, string Profile, string Resource, string Token, bool Enabled, bool VerifyTls)
{
    /// <summary>FortiOS 7.2.1+: add, remove or replace the entries of a threat feed whose update method is "Push API".</summary>
    public const string ApiPath = "api/v2/monitor/system/external-resource/dynamic";

    /// <summary>The endpoint without query (the VDOM), for status pages and logs.</summary>
    public string DisplayUrl => Endpoint.GetLeftPart(UriPartial.Path);
}
