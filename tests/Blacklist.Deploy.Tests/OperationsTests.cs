using Blacklist.Deploy.Tests.Support;

namespace Blacklist.Deploy.Tests;

/// <summary>The Makefile's operations targets and the runbook that explains them.</summary>
public sealed class OperationsTests(ITestOutputHelper output)
{
    /// <summary>Every command of the operators' playbook, as docs/operations.md must show it.</summary>
    public static TheoryData<string> PlaybookCommands => new()
    {
        "make lint && make test",
        "docker build -t test-build .",
        "docker run --rm test-build test",
        "make deploy",
        "argocd app set blacklist --path k8s/overlays/production",
        "kubectl get pods -n blacklist",
        "kubectl rollout undo deployment/blacklist -n blacklist",
        "kubectl describe hpa blacklist -n blacklist",
        "kubectl set env deployment/blacklist Blacklist__Diagnostics__Enabled=true",
        "up{job=\"blacklist\"} == 0",
        "http_request_duration_seconds",
        "curl -fsS",
        "bench/http/active-load.sh",
        "%{time_total}",
        "pg_dump",
        "blacklist backup",
        "make backup",
        "blacklist restore",
        "make restore FILE=",
        "trivy image",
        "make audit",
        "kube-bench",
        "EXPLAIN ANALYZE",
        "blacklist_cache_requests_total",
        "process_working_set_bytes",
        "dotnet-counters",
    };

    [Theory]
    [MemberData(nameof(PlaybookCommands))]
    public void The_runbook_covers_the_playbook_command(string command) =>
        Repo.Read("docs/operations.md").ShouldContain(command);

    [Theory]
    [InlineData("docker-build")]
    [InlineData("docker-push")]
    [InlineData("argocd-sync")]
    [InlineData("deploy")]
    [InlineData("k8s-validate")]
    [InlineData("rules-check")]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task The_makefile_has_the_target(string target)
    {
        var make = Tools.Require("make", "apt-get install make", output);
        if (make is null)
        {
            return;
        }

        var result = await Tools.RunAsync(make, ["-n", target]);
        result.ExitCode.ShouldBe(0, result.Output);
        result.StdOut.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Docker_targets_say_so_when_no_engine_is_reachable()
    {
        var make = Tools.Require("make", "apt-get install make", output);
        if (make is null)
        {
            return;
        }

        var result = await Tools.RunAsync(make, ["-s", "docker-build"], new Dictionary<string, string?>
        {
            ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock",
        });
        result.ExitCode.ShouldNotBe(0);
        result.StdErr.ShouldMatch("docker-build: (no Docker engine reachable|the docker CLI is not installed)");
    }

    [Fact]
    public async Task Cluster_targets_say_so_when_kubectl_has_no_context()
    {
        var make = Tools.Require("make", "apt-get install make", output);
        if (make is null)
        {
            return;
        }

        var config = Path.GetTempFileName();
        try
        {
            var result = await Tools.RunAsync(make, ["-s", "k8s-status"], new Dictionary<string, string?> { ["KUBECONFIG"] = config });
            result.ExitCode.ShouldNotBe(0);
            result.StdErr.ShouldMatch("k8s-status: (kubectl has no current context|kubectl is not installed)");
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Theory]
    [InlineData("deploy", "deploy: (no Docker engine reachable|the docker CLI is not installed)")]
    [InlineData("docker-push", "docker-push: (no Docker engine reachable|the docker CLI is not installed)")]
    [InlineData("argocd-sync", "argocd-sync: (the argocd CLI is not installed|ArgoCD application 'blacklist' is not reachable)")]
    public async Task Deploy_targets_say_what_is_missing_before_doing_anything(string target, string message)
    {
        var make = Tools.Require("make", "apt-get install make", output);
        if (make is null)
        {
            return;
        }

        var result = await Tools.RunAsync(make, ["-s", target], new Dictionary<string, string?>
        {
            ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock",
            ["ARGOCD_SERVER"] = "127.0.0.1:9",
        });
        result.ExitCode.ShouldNotBe(0);
        result.StdErr.ShouldMatch(message);
    }

    [Fact]
    public async Task The_backup_targets_run_the_verbs()
    {
        var make = Tools.Require("make", "apt-get install make", output);
        if (make is null)
        {
            return;
        }

        var backup = await Tools.RunAsync(make, ["-n", "backup", "KEEP=30", "BACKUP_DIR=/srv/backups"]);
        var relativeBackup = await Tools.RunAsync(make, ["-n", "backup", "BACKUP_DIR=data/elsewhere"]);
        var restore = await Tools.RunAsync(make, ["-n", "restore", "FILE=data/backups/blacklist-2026-11-27T023000.000Z.db"]);

        backup.StdOut.ShouldContain("-- backup --keep 30 --directory \"/srv/backups\"");
        // dotnet run starts in the project's folder, so relative paths are made absolute from where make runs.
        relativeBackup.StdOut.ShouldContain($"--directory \"{Repo.PathOf("data/elsewhere")}\"");
        restore.StdOut.ShouldContain($"-- restore \"{Repo.PathOf("data/backups/blacklist-2026-11-27T023000.000Z.db")}\"");
        restore.StdOut.ShouldContain($"Blacklist__DataDirectory=\"${{Blacklist__DataDirectory:-{Repo.PathOf("data")}}}\"");
    }

    [Fact]
    public async Task Restore_asks_for_the_file()
    {
        var make = Tools.Require("make", "apt-get install make", output);
        if (make is null)
        {
            return;
        }

        var result = await Tools.RunAsync(make, ["-s", "restore"]);
        result.ExitCode.ShouldNotBe(0);
        result.StdErr.ShouldContain("make restore FILE=");
    }
}
