namespace Blacklist.Server.Push;

/// <summary>Reads <c>Blacklist:Push</c>: the settings, then each other child as a device.</summary>
internal sealed class PushOptionsSetup(IConfiguration configuration) : Microsoft.Extensions.Options.IConfigureOptions<PushOptions>
{
    public void Configure(PushOptions options)
    {
        var section = configuration.GetSection(PushOptions.Section);
        options.Retries = section.GetValue(nameof(PushOptions.Retries), options.Retries);
        options.RetryDelay = section.GetValue(nameof(PushOptions.RetryDelay), options.RetryDelay);
        options.Timeout = section.GetValue(nameof(PushOptions.Timeout), options.Timeout);
        options.Backoff = section.GetValue(nameof(PushOptions.Backoff), options.Backoff);
        options.MaxBackoff = section.GetValue(nameof(PushOptions.MaxBackoff), options.MaxBackoff);
        options.BatchSize = section.GetValue(nameof(PushOptions.BatchSize), options.BatchSize);
        foreach (var child in section.GetChildren())
        {
            if (PushOptions.IsSettingKey(child.Key))
            {
                continue;
            }

            var settings = new PushDeviceSettings();
            child.Bind(settings);
            options.Devices[child.Key] = settings;
        }
    }
}
