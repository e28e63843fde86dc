using System.Text.RegularExpressions;

namespace Blacklist.Server.Push;

/// <summary>Turns <c>Blacklist:Push</c> into <see cref="PushDevice"/>s, naming every setting that is wrong.</summary>
internal static partial class PushDeviceReader
{
    /// <summary>FortiOS names a threat feed with at most 35 characters.</summary>
    private const int MaxResourceLength = 35;

    /// <summary>The devices, or the list of errors (all of them, each naming the key to fix).</summary>
    public static (IReadOnlyList<PushDevice> Devices, IReadOnlyList<string> Errors) Read(PushOptions options, IReadOnlyCollection<string> profiles)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(profiles);
        var errors = new List<string>();
        var section = PushOptions.Section;
        if (options.Retries is < 0 or > 10)
        {
            errors.Add($"{section}:Retries must be between 0 and 10 (it is {options.Retries}).");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{section}:RetryDelay must be between 00:00:00 and 00:05:00 (it is {options.RetryDelay}).");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{section}:Timeout must be positive, e.g. 00:00:30 (it is {options.Timeout}).");
        }

        if (options.Backoff <= TimeSpan.Zero)
        {
            errors.Add($"{section}:Backoff must be positive, e.g. 00:00:30 (it is {options.Backoff}).");
        }

        if (options.MaxBackoff < options.Backoff)
        {
            errors.Add($"{section}:MaxBackoff must be at least Backoff ({options.Backoff}); it is {options.MaxBackoff}.");
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            errors.Add($"{section}:BatchSize must be between 1 and 100000 entries per request (it is {options.BatchSize}).");
        }

        var devices = new List<PushDevice>();
        foreach (var (name, settings) in options.Devices.OrderBy(d => d.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (Read(name, settings, profiles, errors) is { } device)
            {
                devices.Add(device);
            }
        }

        return (devices, errors);
    }

    private static PushDevice? Read(string name, PushDeviceSettings settings, IReadOnlyCollection<string> profiles, List<string> errors)
    {
        var key = $"{PushOptions.Section}:{name}";
        var before = errors.Count;
        if (!DeviceName().IsMatch(name))
        {
            errors.Add($"{key}: '{name}' cannot be a device name; use letters, digits, '.', '-' or '_' (at most 64).");
        }

        var endpoint = ReadEndpoint(key, settings, errors);
        if (string.IsNullOrWhiteSpace(settings.Profile))
        {
            errors.Add($"{key}:Profile is missing; name the feed profile to push (GET /api/feeds lists them: {string.Join(", ", profiles.Order(StringComparer.OrdinalIgnoreCase))}).");
        }
        else if (!profiles.Contains(settings.Profile.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{key}:Profile '{settings.Profile}' is not a feed profile; use one of: {string.Join(", ", profiles.Order(StringComparer.OrdinalIgnoreCase))}.");
        }

        var resource = string.IsNullOrWhiteSpace(settings.Resource) ? settings.Profile?.Trim() ?? "" : settings.Resource.Trim();
        if (resource.Length > MaxResourceLength || resource.Any(c => char.IsControl(c) || c is '"' or '\\'))
        {
            errors.Add($"{key}:Resource '{resource}' cannot be a FortiOS threat feed name (at most {MaxResourceLength} characters, no quotes or control characters); set it to the feed's name on the device.");
        }

        var token = settings.Token?.Trim() ?? "";
        if (settings.Enabled && token.Length == 0)
        {
            errors.Add($"{key}:Token is missing; set the REST API administrator's key in the environment as Blacklist__Push__{name}__Token, or set {key}:Enabled to false.");
        }
        else if (token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add($"{key}:Token contains spaces or control characters; paste the API key exactly as FortiOS showed it.");
        }

        if (settings.Vdom is { } vdom && !VdomName().IsMatch(vdom))
        {
            errors.Add($"{key}:Vdom '{vdom}' is not a VDOM name (letters, digits, '.', '-' or '_', at most 31), or leave it out.");
        }

        return errors.Count > before || endpoint is null
            ? null
            : new PushDevice(name, endpoint, settings.Profile!.Trim(), resource, token, settings.Enabled, settings.VerifyTls);
    }

    private static Uri? ReadEndpoint(string key, PushDeviceSettings settings, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(settings.Url))
        {
            errors.Add($"{key}:Url is missing; set the device's HTTPS address, e.g. https://192.0.2.1 or https://fw.example.org:8443.");
            return null;
        }

        if (!Uri.TryCreate(settings.Url.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo))
        {
            errors.Add($"{key}:Url '{settings.Url}' is not an http(s) address without query or credentials, e.g. https://192.0.2.1:8443.");
            return null;
        }

        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            errors.Add($"{key}:Url '{settings.Url}' is plain http: the API key would cross the network in clear; use https.");
            return null;
        }

        var path = url.AbsolutePath.TrimEnd('/');
        var api = "/" + PushDevice.ApiPath;
        var endpoint = new UriBuilder(url) { Path = path.EndsWith(api, StringComparison.OrdinalIgnoreCase) ? path : path + api };
        if (settings.Vdom is { Length: > 0 } vdom)
        {
            endpoint.Query = "vdom=" + Uri.EscapeDataString(vdom);
        }

        return endpoint.Uri;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex VdomName();
}
