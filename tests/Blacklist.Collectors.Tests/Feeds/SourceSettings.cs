using Blacklist.Collectors.Abstractions;
using Microsoft.Extensions.Configuration;

namespace Blacklist.Collectors.Tests.Feeds;

/// <summary>Builds a source's configuration section (Blacklist:Sources:{name}) and a run context for it.</summary>
internal static class SourceSettings
{
    public static IConfigurationSection Section(string name, params (string Key, string Value)[] settings)
        => new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"Blacklist:Sources:{name}:{s.Key}", s.Value)))
            .Build()
            .GetSection($"Blacklist:Sources:{name}");

    public static CollectionContext Context(string name, RunTrigger trigger, params (string Key, string Value)[] settings)
        => new(name, Section(name, settings), new Dictionary<string, string>(), trigger);
}
