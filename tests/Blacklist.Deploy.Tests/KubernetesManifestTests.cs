using Blacklist.Deploy.Tests.Support;
using k8s.Models;

namespace Blacklist.Deploy.Tests;

/// <summary>What must hold in every rendered overlay: names, namespace, probes, ports, security.</summary>
public sealed class KubernetesManifestTests(ITestOutputHelper output)
{
    public static TheoryData<string> Overlays => new() { "dev", "production" };

    private const int ServicePort = 2542;

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_object_lives_in_namespace_blacklist(string overlay)
    {
        var manifests = await Manifests.OverlayAsync(overlay, output);
        if (manifests is null)
        {
            return;
        }

        manifests.Get<V1Namespace>(Manifests.Namespace).ShouldNotBeNull();
        foreach (var item in manifests.Objects.Where(o => o is not V1Namespace))
        {
            item.Metadata.NamespaceProperty.ShouldBe(Manifests.Namespace, $"{item.Kind}/{item.Metadata.Name}");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_playbook_names_exist(string overlay)
    {
        var manifests = await Manifests.OverlayAsync(overlay, output);
        if (manifests is null)
        {
            return;
        }

        manifests.Get<V1Deployment>("blacklist");
        manifests.Get<V1Service>("blacklist");
        manifests.Get<V1Ingress>("blacklist");
        manifests.Get<V1PodDisruptionBudget>("blacklist");
        manifests.Get<V1ServiceAccount>("blacklist").AutomountServiceAccountToken.ShouldBe(false);
        manifests.Get<V1Deployment>("redis");
        manifests.Get<V1Service>("redis");

        var hpa = manifests.Get<V2HorizontalPodAutoscaler>("blacklist");
        hpa.Spec.ScaleTargetRef.Kind.ShouldBe("Deployment");
        hpa.Spec.ScaleTargetRef.Name.ShouldBe("blacklist");
        hpa.Spec.Metrics.ShouldContain(m => m.Type == "Resource" && m.Resource.Name == "cpu");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Http_probes_use_health_or_ready_on_the_service_port(string overlay)
    {
        var manifests = await Manifests.OverlayAsync(overlay, output);
        if (manifests is null)
        {
            return;
        }

        var httpProbes = 0;
        foreach (var pod in manifests.PodTemplates())
        {
            foreach (var container in pod.AllContainers)
            {
                foreach (var (kind, probe) in Probes(container))
                {
                    if (probe.HttpGet is not { } get)
                    {
                        continue;
                    }

                    httpProbes++;
                    var where = $"{pod.Owner} container {container.Name} {kind}";
                    get.Path.ShouldBeOneOf(["/health", "/ready"], where);
                    ResolvePort(container, get.Port).ShouldBe(ServicePort, where);
                }
            }
        }

        httpProbes.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_server_container_serves_2542_with_liveness_health_and_readiness_ready(string overlay)
    {
        var manifests = await Manifests.OverlayAsync(overlay, output);
        if (manifests is null)
        {
            return;
        }

        var server = manifests.Get<V1Deployment>("blacklist").Spec.Template.Spec.Containers.Single(c => c.Name == "blacklist");
        var port = server.Ports.ShouldHaveSingleItem();
        port.Name.ShouldBe("http");
        port.ContainerPort.ShouldBe(ServicePort);

        server.LivenessProbe.HttpGet.Path.ShouldBe("/health");
        server.ReadinessProbe.HttpGet.Path.ShouldBe("/ready");
        server.StartupProbe.ShouldNotBeNull().HttpGet.Path.ShouldBe("/health");
        server.Args.ShouldBeNull("no verb: the container serves");

        var service = manifests.Get<V1Service>("blacklist");
        var servicePort = service.Spec.Ports.ShouldHaveSingleItem();
        servicePort.Name.ShouldBe("http");
        servicePort.Port.ShouldBe(ServicePort);
        ResolvePort(server, servicePort.TargetPort).ShouldBe(ServicePort);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_pod_meets_the_restricted_pod_security_standard(string overlay)
    {
        var manifests = await Manifests.OverlayAsync(overlay, output);
        if (manifests is null)
        {
            return;
        }

        manifests.Get<V1Namespace>(Manifests.Namespace).Metadata.Labels["pod-security.kubernetes.io/enforce"].ShouldBe("restricted");
        foreach (var pod in manifests.PodTemplates())
        {
            var podSecurity = pod.Spec.SecurityContext.ShouldNotBeNull(pod.Owner);
            podSecurity.RunAsNonRoot.ShouldBe(true, pod.Owner);
            podSecurity.RunAsUser.ShouldNotBeNull(pod.Owner).ShouldBeGreaterThan(0, pod.Owner);
            podSecurity.SeccompProfile.ShouldNotBeNull(pod.Owner).Type.ShouldBe("RuntimeDefault", pod.Owner);
            pod.Spec.AutomountServiceAccountToken.ShouldBe(false, pod.Owner);
            pod.Spec.EnableServiceLinks.ShouldBe(false, pod.Owner);

            foreach (var container in pod.AllContainers)
            {
                var where = $"{pod.Owner} container {container.Name}";
                var security = container.SecurityContext.ShouldNotBeNull(where);
                security.AllowPrivilegeEscalation.ShouldBe(false, where);
                security.ReadOnlyRootFilesystem.ShouldBe(true, where);
                security.RunAsNonRoot.ShouldBe(true, where);
                security.Privileged.ShouldNotBe(true, where);
                security.Capabilities.ShouldNotBeNull(where).Drop.ShouldContain("ALL", where);
                (security.Capabilities.Add ?? []).ShouldBeEmpty(where);

                var resources = container.Resources.ShouldNotBeNull(where);
                resources.Requests.ShouldContainKey("cpu", where);
                resources.Requests.ShouldContainKey("memory", where);
                resources.Limits.ShouldContainKey("memory", where);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Images_carry_explicit_tags(string overlay)
    {
        var manifests = await Manifests.OverlayAsync(overlay, output);
        if (manifests is null)
        {
            return;
        }

        foreach (var pod in manifests.PodTemplates())
        {
            foreach (var container in pod.AllContainers)
            {
                var lastSegment = container.Image.Split('/')[^1];
                lastSegment.ShouldContain(':', customMessage: $"{pod.Owner} container {container.Name}: {container.Image}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_server_spreads_over_zones_and_nodes_and_rolls_without_losing_capacity(string overlay)
    {
        var manifests = await Manifests.OverlayAsync(overlay, output);
        if (manifests is null)
        {
            return;
        }

        var deployment = manifests.Get<V1Deployment>("blacklist");
        var spread = deployment.Spec.Template.Spec.TopologySpreadConstraints.ShouldNotBeNull();
        spread.Select(c => c.TopologyKey).ShouldBe(["topology.kubernetes.io/zone", "kubernetes.io/hostname"], ignoreOrder: true);
        foreach (var constraint in spread)
        {
            Manifests.Selects(constraint.LabelSelector.MatchLabels, deployment.Spec.Template.Metadata.Labels).ShouldBeTrue();
        }

        deployment.Spec.RevisionHistoryLimit.ShouldNotBeNull().ShouldBeGreaterThan(1, "kubectl rollout undo needs history");
        deployment.Spec.ProgressDeadlineSeconds.ShouldNotBeNull().ShouldBeLessThan(600, "a stuck rollout must fail inside the 600 s sync timeout");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_configuration_names_the_data_directory_and_the_profiling_toggle(string overlay)
    {
        var manifests = await Manifests.OverlayAsync(overlay, output);
        if (manifests is null)
        {
            return;
        }

        var config = manifests.All<V1ConfigMap>().Single(c => c.Metadata.Name.StartsWith("blacklist-config", StringComparison.Ordinal));
        config.Data["Blacklist__DataDirectory"].ShouldBe("/data");
        config.Data["Blacklist__Diagnostics__Enabled"].ShouldBe("false");
        config.Data["Redis__Configuration"].ShouldStartWith("redis:6379");

        var mounts = manifests.Get<V1Deployment>("blacklist").Spec.Template.Spec.Containers.Single().VolumeMounts;
        mounts.Select(m => m.MountPath).ShouldBe(["/data", "/tmp"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_network_policy_admits_2542_only_and_lets_out_dns_databases_and_https(string overlay)
    {
        var manifests = await Manifests.OverlayAsync(overlay, output);
        if (manifests is null)
        {
            return;
        }

        var deny = manifests.Get<V1NetworkPolicy>("default-deny");
        (deny.Spec.PodSelector.MatchLabels ?? new Dictionary<string, string>()).ShouldBeEmpty();
        deny.Spec.PolicyTypes.ShouldBe(["Ingress", "Egress"], ignoreOrder: true);

        var policy = manifests.Get<V1NetworkPolicy>("blacklist");
        var ingressPorts = policy.Spec.Ingress.SelectMany(rule => rule.Ports ?? []).ToList();
        ingressPorts.ShouldNotBeEmpty();
        ingressPorts.ShouldAllBe(p => p.Port.Value == "2542" && p.Protocol == "TCP");

        var egressPorts = policy.Spec.Egress.SelectMany(rule => rule.Ports ?? []).Select(p => p.Port.Value).ToHashSet();
        egressPorts.ShouldBe(["53", "5432", "6379", "443"], ignoreOrder: true);
    }

    private static IEnumerable<(string Kind, V1Probe Probe)> Probes(V1Container container)
    {
        if (container.StartupProbe is { } startup)
        {
            yield return ("startupProbe", startup);
        }

        if (container.LivenessProbe is { } liveness)
        {
            yield return ("livenessProbe", liveness);
        }

        if (container.ReadinessProbe is { } readiness)
        {
            yield return ("readinessProbe", readiness);
        }
    }

    /// <summary>A port given by number or by the name of one of the container's ports, as a number.</summary>
    private static int ResolvePort(V1Container container, IntOrString port)
    {
        if (int.TryParse(port.Value, out var number))
        {
            return number;
        }

        var named = (container.Ports ?? []).SingleOrDefault(p => p.Name == port.Value)
            ?? throw new ShouldAssertException($"container {container.Name} has no port named {port.Value}");
        return named.ContainerPort;
    }
}
