using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace Blacklist.Deploy.Tests.Support;

/// <summary>A pod template and where it comes from ("Deployment/blacklist").</summary>
internal sealed record PodTemplate(string Owner, V1PodTemplateSpec Template)
{
    public V1PodSpec Spec => Template.Spec;

    public IDictionary<string, string> Labels => Template.Metadata?.Labels ?? new Dictionary<string, string>();

    public IEnumerable<V1Container> AllContainers => (Spec.InitContainers ?? []).Concat(Spec.Containers);
}

/// <summary>
/// The output of `kubectl kustomize` for one folder, parsed strictly into the Kubernetes API models of
/// the official client (generated from the Kubernetes OpenAPI spec): an unknown field or a value of
/// the wrong type fails the parse. This is the schema check; kubectl's own validation needs a server.
/// </summary>
internal sealed class Manifests
{
    public const string Namespace = "blacklist";

    private static readonly ConcurrentDictionary<string, Lazy<Task<Manifests>>> Cache = new();

    private Manifests(string source, string yaml, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects)
    {
        Source = source;
        Yaml = yaml;
        Objects = objects;
    }

    public string Source { get; }

    public string Yaml { get; }

    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects { get; }

    /// <summary>Renders k8s/overlays/NAME once per test run; null when kubectl is missing and that is allowed.</summary>
    public static async Task<Manifests?> OverlayAsync(string overlay, ITestOutputHelper output)
    {
        var kubectl = Tools.Require("kubectl", "scripts/test-deps.sh installs kubectl >= 1.27 (kustomize v5), which the overlays need", output);
        if (kubectl is null)
        {
            return null;
        }

        var folder = $"k8s/overlays/{overlay}";
        return await Cache.GetOrAdd(folder, f => new Lazy<Task<Manifests>>(() => RenderAsync(kubectl, f))).Value;
    }

    /// <summary>Renders any kustomization folder (absolute, or relative to the repository root).</summary>
    public static async Task<Manifests> RenderAsync(string kubectl, string folder)
    {
        var result = await Tools.RunAsync(kubectl, ["kustomize", folder]);
        if (result.ExitCode != 0)
        {
            var version = await Tools.RunAsync(kubectl, ["version", "--client"]);
            Assert.Fail($"kubectl kustomize {folder} failed ({result.ExitCode}):\n{result.StdErr}\nkubectl: {version.StdOut.Trim()}\n"
                + "The overlays need kustomize v5 (kubectl >= 1.27); Debian 12's kubernetes-client is 1.20. scripts/test-deps.sh installs the upstream kubectl.");
        }

        return Parse(folder, result.StdOut);
    }

    public static Manifests Parse(string source, string yaml)
    {
        List<object> loaded;
        try
        {
            loaded = KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"{source}: the rendered YAML does not fit the Kubernetes API models: {e.Message}", e);
        }

        var objects = new List<IKubernetesObject<V1ObjectMeta>>();
        foreach (var item in loaded)
        {
            objects.Add(item as IKubernetesObject<V1ObjectMeta>
                ?? throw new InvalidOperationException($"{source}: {item.GetType().Name} has no object metadata"));
        }

        return new Manifests(source, yaml, objects);
    }

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T? Find<T>(string name) where T : class, IKubernetesObject<V1ObjectMeta> =>
        Objects.OfType<T>().SingleOrDefault(o => o.Metadata.Name == name);

    public T Get<T>(string name) where T : class, IKubernetesObject<V1ObjectMeta> =>
        Find<T>(name) ?? throw new ShouldAssertException($"{Source}: no {typeof(T).Name} named {name}");

    public IEnumerable<PodTemplate> PodTemplates()
    {
        foreach (var deployment in All<V1Deployment>())
        {
            yield return new PodTemplate($"Deployment/{deployment.Metadata.Name}", deployment.Spec.Template);
        }

        foreach (var statefulSet in All<V1StatefulSet>())
        {
            yield return new PodTemplate($"StatefulSet/{statefulSet.Metadata.Name}", statefulSet.Spec.Template);
        }

        foreach (var cronJob in All<V1CronJob>())
        {
            yield return new PodTemplate($"CronJob/{cronJob.Metadata.Name}", cronJob.Spec.JobTemplate.Spec.Template);
        }

        foreach (var job in All<V1Job>())
        {
            yield return new PodTemplate($"Job/{job.Metadata.Name}", job.Spec.Template);
        }

        foreach (var daemonSet in All<V1DaemonSet>())
        {
            yield return new PodTemplate($"DaemonSet/{daemonSet.Metadata.Name}", daemonSet.Spec.Template);
        }
    }

    /// <summary>True when every pair of a label selector's matchLabels is among the labels.</summary>
    public static bool Selects(IDictionary<string, string>? matchLabels, IDictionary<string, string> labels) =>
        matchLabels is { Count: > 0 } && matchLabels.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
