using Blacklist.Deploy.Tests.Support;
using k8s.Models;

namespace Blacklist.Deploy.Tests;

/// <summary>What tells the two overlays apart, and the optional components.</summary>
public sealed class OverlayTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Production_runs_three_to_ten_replicas_on_postgres_with_daily_backups()
    {
        var manifests = await Manifests.OverlayAsync("production", output);
        if (manifests is null)
        {
            return;
        }

        var deployment = manifests.Get<V1Deployment>("blacklist");
        deployment.Spec.Replicas.ShouldBe(3);
        deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value.ShouldBe("0");

        var hpa = manifests.Get<V2HorizontalPodAutoscaler>("blacklist");
        hpa.Spec.MinReplicas.ShouldBe(3);
        hpa.Spec.MaxReplicas.ShouldBe(10);
        hpa.Spec.Metrics.ShouldContain(m => m.Type == "Pods" && m.Pods.Metric.Name == "http_requests_per_second");

        ServerImage(deployment).ShouldStartWith("ghcr.io/example/blacklist:");
        ServerImage(deployment).ShouldNotEndWith(":latest");

        Config(manifests)["Database__Provider"].ShouldBe("postgres");

        var postgres = manifests.Get<V1StatefulSet>("postgres");
        postgres.Spec.Template.Spec.Containers.Single().Image.ShouldStartWith("postgres:16");
        postgres.Spec.VolumeClaimTemplates.ShouldHaveSingleItem().Spec.Resources.Requests.ShouldContainKey("storage");
        manifests.Get<V1Service>("postgres");

        var backup = manifests.Get<V1CronJob>("blacklist-backup");
        backup.Spec.ConcurrencyPolicy.ShouldBe("Forbid");
        backup.Spec.Schedule.Split(' ').Length.ShouldBe(5);
        var job = backup.Spec.JobTemplate.Spec.Template.Spec;
        var container = job.Containers.Single();
        container.Args.ShouldBe(["backup"]);
        container.Image.ShouldBe(ServerImage(deployment));
        container.VolumeMounts.ShouldContain(m => m.MountPath == "/data/backups" && m.Name == "backups");
        job.Volumes.Single(v => v.Name == "backups").PersistentVolumeClaim.ClaimName.ShouldBe("blacklist-backups");
    }

    [Fact]
    public async Task Dev_runs_one_replica_on_sqlite_with_a_persistent_data_volume()
    {
        var manifests = await Manifests.OverlayAsync("dev", output);
        if (manifests is null)
        {
            return;
        }

        var deployment = manifests.Get<V1Deployment>("blacklist");
        deployment.Spec.Replicas.ShouldBe(1);
        deployment.Spec.Strategy.Type.ShouldBe("Recreate", "one pod at a time on a ReadWriteOnce volume");
        deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == "data").PersistentVolumeClaim.ClaimName.ShouldBe("blacklist-data");
        manifests.Get<V1PersistentVolumeClaim>("blacklist-data");

        var hpa = manifests.Get<V2HorizontalPodAutoscaler>("blacklist");
        hpa.Spec.MaxReplicas.ShouldBe(1, "SQLite serves from one replica");

        Config(manifests)["Database__Provider"].ShouldBe("sqlite");
        manifests.All<V1StatefulSet>().ShouldBeEmpty();
        manifests.All<V1CronJob>().ShouldBeEmpty();
        manifests.Find<V1NetworkPolicy>("postgres").ShouldBeNull();
        deployment.Spec.Template.Spec.Containers.Single().EnvFrom
            .Single(e => e.SecretRef is not null).SecretRef.Optional.ShouldBe(true);
    }

    [Fact]
    public async Task The_servicemonitor_component_scrapes_the_service_port_by_name()
    {
        var kubectl = Tools.Require("kubectl", "scripts/test-deps.sh installs kubectl >= 1.27 (kustomize v5)", output);
        if (kubectl is null)
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("blacklist-kustomize-");
        try
        {
            // kustomize takes relative paths only.
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "kustomization.yaml"), $"""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: blacklist
                resources:
                  - {Path.GetRelativePath(folder.FullName, Repo.PathOf("k8s/base"))}
                components:
                  - {Path.GetRelativePath(folder.FullName, Repo.PathOf("k8s/components/servicemonitor"))}
                """);
            var result = await Tools.RunAsync(kubectl, ["kustomize", folder.FullName]);
            result.ExitCode.ShouldBe(0, result.StdErr);

            // ServiceMonitor is a CRD: checked here by shape rather than by the API models.
            var monitor = Yaml.LoadAll(result.StdOut).Single(d => d.Child("kind").Scalar() == "ServiceMonitor");
            monitor.Path("metadata", "namespace").Scalar().ShouldBe(Manifests.Namespace);
            var endpoint = monitor.Path("spec", "endpoints").Items().ShouldHaveSingleItem();
            endpoint.Child("port").Scalar().ShouldBe("http");
            endpoint.Child("path").Scalar().ShouldBe("/metrics");

            var rest = string.Join("\n---\n", result.StdOut.Split("\n---\n").Where(d => !d.Contains("kind: ServiceMonitor", StringComparison.Ordinal)));
            var service = Manifests.Parse("base + servicemonitor", rest).Get<V1Service>("blacklist");
            var selector = monitor.Path("spec", "selector", "matchLabels").Entries().ToDictionary(e => e.Key, e => e.Value.Scalar() ?? "");
            Manifests.Selects(selector, service.Metadata.Labels).ShouldBeTrue();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_kubernetes_models_reject_unknown_fields()
    {
        // The schema check rests on strict parsing; this is its negative control.
        const string typo = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: x
            spec:
              template:
                spec:
                  containers:
                    - name: x
                      image: x:1
                      readinessprobe: {}
            """;
        Should.Throw<InvalidOperationException>(() => Manifests.Parse("typo", typo)).Message.ShouldContain("readinessprobe");
    }

    private static string ServerImage(V1Deployment deployment) => deployment.Spec.Template.Spec.Containers.Single().Image;

    private static IDictionary<string, string> Config(Manifests manifests) =>
        manifests.All<V1ConfigMap>().Single(c => c.Metadata.Name.StartsWith("blacklist-config", StringComparison.Ordinal)).Data;
}
