using Blacklist.Core.Feeds;
using Blacklist.Core.Rendering;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Feeds;

/// <summary>Reads <c>Blacklist:Feeds</c>: the settings, the ready-made profiles, then each configured profile over them.</summary>
internal sealed class FeedsOptionsSetup(IConfiguration configuration) : IConfigureOptions<FeedsOptions>
{
    public void Configure(FeedsOptions options)
    {
        var section = configuration.GetSection(FeedsOptions.Section);
        options.HistoryVersions = section.GetValue(nameof(FeedsOptions.HistoryVersions), options.HistoryVersions);
        options.HistoryMaxAge = section.GetValue(nameof(FeedsOptions.HistoryMaxAge), options.HistoryMaxAge);
        foreach (var ready in ReadyMadeProfiles.All)
        {
            options.Profiles[ready.Name] = new FeedProfileSettings
            {
                Format = ListRenderers.NameOf(ready.Format),
                MaxEntries = ready.MaxEntries,
            };
        }

        foreach (var child in section.GetChildren())
        {
            if (FeedsOptions.IsSettingKey(child.Key))
            {
                continue;
            }

            if (!options.Profiles.TryGetValue(child.Key, out var settings))
            {
                settings = new FeedProfileSettings();
                options.Profiles[child.Key] = settings;
            }

            child.Bind(settings);
        }
    }
}
