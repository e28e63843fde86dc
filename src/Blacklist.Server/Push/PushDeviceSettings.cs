namespace Blacklist.Server.Push;

/// <summary>One FortiGate as configured under <c>Blacklist:Push:{device}</c>.</summary>
internal sealed class PushDeviceSettings
{
    /// <summary>The device's HTTPS address, e.g. https://192.0.2.1:8443 (the API path is added).</summary>
    public string? Url { get; set; }

    /// <summary>The feed profile pushed (see GET /api/feeds).</summary>
    public string? Profile { get; set; }

    /// <summary>The threat feed's name on the device (its mkey; Update method "Push API"); defaults to the profile name.</summary>
    public string? Resource { get; set; }

    /// <summary>The REST API administrator's key; set it from the environment (Blacklist__Push__{device}__Token), never in a file.</summary>
    public string? Token { get; set; }

    /// <summary>VDOM of the threat feed; unset for the API administrator's default.</summary>
    public string? Vdom { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Check the device's TLS certificate (turn off only for a self-signed certificate on a trusted network).</summary>
    public bool VerifyTls { get; set; } = true;
}
