using Blacklist.Deploy.Tests.Support;
using k8s.Models;

namespace Blacklist.Deploy.Tests;

/// <summary>
/// Every name one object uses to find another resolves: selectors select, referenced ConfigMaps,
/// claims, service accounts and services exist, Secrets are the documented ones created outside git.
/// </summary>
public sealed class ManifestReferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Overlays => new() { "dev", "production" };

    /// <summary>Secrets created by hand or by cert-manager, never committed (k8s/base/secret.example.yaml).</summary>
    private static readonly Dictionary<string, string[]> ExternalSecrets = new()
    {
        ["blacklist-secrets"] = ["ConnectionStrings__Blacklist"],
        ["postgres-secrets"] = ["POSTGRES_PASSWORD"],
        ["blacklist-tls"] = [],
    };

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Workload_selectors_match_their_templates_and_services_find_pods(string overlay)
    {
        var manifests = await Manifests.OverlayAsync(overlay, output);
        if (manifests is null)
        {
            return;
        }

        foreach (var deployment in manifests.All<V1Deployment>())
        {
            Manifests.Selects(deployment.Spec.Selector.MatchLabels, deployment.Spec.Template.Metadata.Labels)
                .ShouldBeTrue($"Deployment/{deployment.Metadata.Name}");
        }

        foreach (var statefulSet in manifests.All<V1StatefulSet>())
        {
            Manifests.Selects(statefulSet.Spec.Selector.MatchLabels, statefulSet.Spec.Template.Metadata.Labels)
                .ShouldBeTrue($"StatefulSet/{statefulSet.Metadata.Name}");
            manifests.Get<V1Service>(statefulSet.Spec.ServiceName);
        }

        var templates = manifests.PodTemplates().ToList();
        foreach (var service in manifests.All<V1Service>())
        {
            var selected = templates.Where(t => Manifests.Selects(service.Spec.Selector, t.Labels)).ToList();
            selected.ShouldNotBeEmpty($"Service/{service.Metadata.Name} selects no pod");
            foreach (var port in service.Spec.Ports)
            {
                if (!int.TryParse(port.TargetPort.Value, out _))
                {
                    selected.ShouldAllBe(
                        t => t.Spec.Containers.Any(c => (c.Ports ?? new List<V1ContainerPort>()).Any(p => p.Name == port.TargetPort.Value)),
                        $"Service/{service.Metadata.Name} targets port {port.TargetPort.Value}");
                }
            }
        }

        var pdb = manifests.Get<V1PodDisruptionBudget>("blacklist");
        Manifests.Selects(pdb.Spec.Selector.MatchLabels, manifests.Get<V1Deployment>("blacklist").Spec.Template.Metadata.Labels).ShouldBeTrue();

        foreach (var policy in manifests.All<V1NetworkPolicy>().Where(p => p.Spec.PodSelector.MatchLabels is { Count: > 0 }))
        {
            templates.ShouldContain(
                t => Manifests.Selects(policy.Spec.PodSelector.MatchLabels, t.Labels),
                $"NetworkPolicy/{policy.Metadata.Name} selects no pod");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Referenced_config_maps_claims_accounts_and_secrets_resolve(string overlay)
    {
        var manifests = await Manifests.OverlayAsync(overlay, output);
        if (manifests is null)
        {
            return;
        }

        var configMaps = manifests.All<V1ConfigMap>().Select(c => c.Metadata.Name).ToHashSet();
        var claims = manifests.All<V1PersistentVolumeClaim>().Select(c => c.Metadata.Name).ToHashSet();
        var accounts = manifests.All<V1ServiceAccount>().Select(a => a.Metadata.Name).ToHashSet();

        foreach (var pod in manifests.PodTemplates())
        {
            var volumes = (pod.Spec.Volumes ?? []).Select(v => v.Name).ToHashSet();
            if (pod.Owner.StartsWith("StatefulSet/", StringComparison.Ordinal))
            {
                var name = pod.Owner["StatefulSet/".Length..];
                volumes.UnionWith(manifests.Get<V1StatefulSet>(name).Spec.VolumeClaimTemplates?.Select(t => t.Metadata.Name) ?? []);
            }

            if (pod.Spec.ServiceAccountName is { } account)
            {
                accounts.ShouldContain(account, pod.Owner);
            }

            foreach (var volume in pod.Spec.Volumes ?? [])
            {
                if (volume.PersistentVolumeClaim is { } claim)
                {
                    claims.ShouldContain(claim.ClaimName, pod.Owner);
                }

                if (volume.ConfigMap is { } map)
                {
                    configMaps.ShouldContain(map.Name, pod.Owner);
                }
            }

            foreach (var container in pod.AllContainers)
            {
                var where = $"{pod.Owner} container {container.Name}";
                foreach (var mount in container.VolumeMounts ?? [])
                {
                    volumes.ShouldContain(mount.Name, where);
                }

                foreach (var source in container.EnvFrom ?? [])
                {
                    if (source.ConfigMapRef is { } map)
                    {
                        configMaps.ShouldContain(map.Name, where);
                    }

                    if (source.SecretRef is { } secret)
                    {
                        ExternalSecrets.ShouldContainKey(secret.Name, where);
                    }
                }

                foreach (var variable in container.Env ?? [])
                {
                    if (variable.ValueFrom?.SecretKeyRef is { } key)
                    {
                        ExternalSecrets.ShouldContainKey(key.Name, where);
                        ExternalSecrets[key.Name].ShouldContain(key.Key, where);
                    }

                    if (variable.ValueFrom?.ConfigMapKeyRef is { } mapKey)
                    {
                        configMaps.ShouldContain(mapKey.Name, where);
                    }
                }
            }
        }

        foreach (var ingress in manifests.All<V1Ingress>())
        {
            foreach (var tls in ingress.Spec.Tls ?? [])
            {
                ExternalSecrets.ShouldContainKey(tls.SecretName);
            }

            foreach (var path in ingress.Spec.Rules.SelectMany(r => r.Http.Paths))
            {
                var service = manifests.Get<V1Service>(path.Backend.Service.Name);
                service.Spec.Ports.ShouldContain(p => p.Name == path.Backend.Service.Port.Name || p.Port == path.Backend.Service.Port.Number);
            }
        }
    }

    [Fact]
    public void The_secret_template_is_never_applied_and_holds_no_real_value()
    {
        foreach (var kustomization in Directory.EnumerateFiles(Repo.PathOf("k8s"), "kustomization.yaml", SearchOption.AllDirectories))
        {
            var resources = Yaml.LoadFile(Path.GetRelativePath(Repo.Root, kustomization)).Child("resources").Items().Select(r => r.Scalar());
            resources.ShouldNotContain(r => r != null && r.EndsWith("secret.example.yaml", StringComparison.Ordinal), kustomization);
        }

        var secrets = Manifests.Parse("k8s/base/secret.example.yaml", Repo.Read("k8s/base/secret.example.yaml")).All<V1Secret>().ToList();
        secrets.Select(s => s.Metadata.Name).ShouldBe(ExternalSecrets.Keys.Where(k => ExternalSecrets[k].Length > 0), ignoreOrder: true);
        foreach (var secret in secrets)
        {
            secret.Metadata.NamespaceProperty.ShouldBe(Manifests.Namespace);
            secret.StringData.Keys.ShouldBe(ExternalSecrets[secret.Metadata.Name], ignoreOrder: true);
            secret.StringData.Values.ShouldAllBe(v => v.Contains("CHANGE-ME"));
        }
    }
}
