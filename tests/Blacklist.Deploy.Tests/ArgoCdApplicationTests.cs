using Blacklist.Deploy.Tests.Support;

namespace Blacklist.Deploy.Tests;

/// <summary>deploy/argocd/application.yaml (a CRD, so checked by shape).</summary>
public sealed class ArgoCdApplicationTests
{
    private readonly YamlDotNet.RepresentationModel.YamlMappingNode application = Yaml.LoadFile("deploy/argocd/application.yaml");

    [Fact]
    public void It_deploys_the_production_overlay_into_namespace_blacklist()
    {
        application.Child("apiVersion").Scalar().ShouldBe("argoproj.io/v1alpha1");
        application.Child("kind").Scalar().ShouldBe("Application");
        application.Path("metadata", "name").Scalar().ShouldBe("blacklist");

        var path = application.Path("spec", "source", "path").Scalar().ShouldNotBeNull();
        path.ShouldBe("k8s/overlays/production");
        File.Exists(Repo.PathOf(Path.Combine(path, "kustomization.yaml"))).ShouldBeTrue();
        application.Path("spec", "destination", "namespace").Scalar().ShouldBe("blacklist");
    }

    [Fact]
    public void It_syncs_automatically_with_prune_self_heal_and_backoff()
    {
        var policy = application.Path("spec", "syncPolicy");
        policy.Path("automated", "prune").Scalar().ShouldBe("true");
        policy.Path("automated", "selfHeal").Scalar().ShouldBe("true");
        policy.Child("syncOptions").Items().Select(o => o.Scalar()).ShouldContain("CreateNamespace=true");

        var retry = policy.Child("retry").ShouldNotBeNull();
        retry.Child("limit").Scalar().ShouldBe("5");
        retry.Path("backoff", "duration").Scalar().ShouldBe("5s");
        retry.Path("backoff", "factor").Scalar().ShouldBe("2");
        retry.Path("backoff", "maxDuration").Scalar().ShouldBe("3m");
    }

    [Fact]
    public void The_hpa_owns_the_replica_count()
    {
        application.Path("spec", "ignoreDifferences").Items()
            .ShouldContain(d => d.Child("kind").Scalar() == "Deployment" && d.Child("jsonPointers").Items().Any(p => p.Scalar() == "/spec/replicas"));
    }
}
