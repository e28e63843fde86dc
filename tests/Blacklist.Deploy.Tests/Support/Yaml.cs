using YamlDotNet.RepresentationModel;

namespace Blacklist.Deploy.Tests.Support;

/// <summary>Generic YAML access for files that are not Kubernetes API objects (rules, compose, ArgoCD).</summary>
internal static class Yaml
{
    public static YamlMappingNode LoadFile(string relative)
    {
        var documents = LoadAll(Repo.Read(relative));
        documents.Count.ShouldBe(1, $"{relative} holds one YAML document");
        return documents[0] as YamlMappingNode ?? throw new ShouldAssertException($"{relative} is not a YAML mapping");
    }

    public static List<YamlNode> LoadAll(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    public static YamlNode? Child(this YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlNode Path(this YamlNode node, params string[] keys)
    {
        var current = node;
        foreach (var key in keys)
        {
            current = current.Child(key) ?? throw new ShouldAssertException($"no key {string.Join('.', keys)}");
        }

        return current;
    }

    public static string? Scalar(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping.Children.Select(pair => new KeyValuePair<string, YamlNode>(pair.Key.Scalar() ?? "", pair.Value))
            : [];
}
