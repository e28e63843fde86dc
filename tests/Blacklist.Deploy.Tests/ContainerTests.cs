using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;
using System.Text.RegularExpressions;
using Blacklist.Deploy.Tests.Support;

namespace Blacklist.Deploy.Tests;

/// <summary>
/// The Dockerfile, its scripts and docker-compose, checked without a Docker engine: by reading them,
/// and by running the image's entrypoint against a stand-in `dotnet` and HTTP server.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class ContainerTests(ITestOutputHelper output)
{
    private const string Entrypoint = "deploy/docker/entrypoint.sh";

    private sealed record Instruction(string Stage, string Keyword, string Arguments);

    [Fact]
    public void The_dockerfile_builds_tests_and_ends_on_a_non_root_aspnet_runtime()
    {
        var instructions = Dockerfile();
        var stages = instructions.Where(i => i.Keyword == "FROM").Select(i => i.Stage).ToList();
        stages.ShouldBe(["projects", "build", "publish", "test", "runtime"]);

        instructions.Single(i => i.Keyword == "FROM" && i.Stage == "runtime").Arguments.ShouldStartWith("${RUNTIME_IMAGE}");
        instructions.Single(i => i.Keyword == "ARG" && i.Arguments.StartsWith("RUNTIME_IMAGE=", StringComparison.Ordinal))
            .Arguments.ShouldStartWith("RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0");

        var runtime = instructions.Where(i => i.Stage == "runtime").ToList();
        var user = runtime.Last(i => i.Keyword == "USER").Arguments;
        user.ShouldNotBeOneOf("root", "0", "0:0");
        runtime.ShouldContain(i => i.Keyword == "EXPOSE" && i.Arguments == "2542");
        runtime.ShouldContain(i => i.Keyword == "VOLUME" && i.Arguments.Contains("/data", StringComparison.Ordinal));
        var environment = string.Join(' ', runtime.Where(i => i.Keyword == "ENV").Select(i => i.Arguments));
        environment.ShouldContain("Blacklist__DataDirectory=/data");
        environment.ShouldContain("ASPNETCORE_URLS=http://+:2542");
        var healthcheck = runtime.Single(i => i.Keyword == "HEALTHCHECK").Arguments;
        healthcheck.ShouldContain("http://127.0.0.1:2542/health");
        runtime.Last(i => i.Keyword == "ENTRYPOINT").Arguments.ShouldBe("[\"/usr/local/bin/blacklist\"]");

        instructions.Last(i => i.Stage == "test" && i.Keyword == "ENTRYPOINT").Arguments.ShouldContain("deploy/docker/run-tests.sh");
    }

    [Fact]
    public void The_dockerfile_bakes_in_no_secret_and_copies_only_what_exists()
    {
        foreach (var instruction in Dockerfile().Where(i => i.Keyword is "ENV" or "ARG"))
        {
            SecretNamePattern().IsMatch(instruction.Arguments).ShouldBeFalse(instruction.Arguments);
        }

        foreach (var copy in Dockerfile().Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)))
        {
            var source = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            Path.Exists(Repo.PathOf(source)).ShouldBeTrue(copy.Arguments);
        }
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_local_data_and_secrets_but_keeps_the_checked_files()
    {
        var ignored = Repo.Read(".dockerignore").Split('\n', StringSplitOptions.TrimEntries)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        foreach (var excluded in new[] { ".git", "**/bin", "**/obj", ".artifacts", "data", "**/.env", "**/TestResults", "**/node_modules" })
        {
            ignored.ShouldContain(excluded);
        }

        foreach (var kept in new[] { "src", "tests", "k8s", "deploy", "docs", "samples", "tests/data" })
        {
            ignored.ShouldNotContain(kept);
            ignored.ShouldNotContain($"**/{kept}");
        }
    }

    [Fact]
    public async Task The_scripts_are_executable_posix_shell()
    {
        var sh = Tools.Require("sh", "a POSIX shell", output);
        if (sh is null)
        {
            return;
        }

        foreach (var script in new[] { Entrypoint, "deploy/docker/run-tests.sh" })
        {
            File.ReadLines(Repo.PathOf(script)).First().ShouldBe("#!/bin/sh", script);
            File.GetUnixFileMode(Repo.PathOf(script)).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue(script);
            var result = await Tools.RunAsync(sh, ["-n", script]);
            result.ExitCode.ShouldBe(0, $"{script}: {result.Output}");
        }
    }

    [Fact]
    public async Task Image_entrypoint_test_smoke_tests_an_isolated_instance_and_cleans_up()
    {
        if (Tools.Require("sh", "a POSIX shell", output) is not { } sh || Tools.Require("curl", "apt-get install curl", output) is null)
        {
            return;
        }

        var work = Directory.CreateTempSubdirectory("blacklist-entrypoint-");
        try
        {
            var log = Path.Combine(work.FullName, "calls.log");
            var bin = FakeDotnet(work);
            var tmp = Directory.CreateDirectory(Path.Combine(work.FullName, "tmp"));
            using var server = new FakeServer();

            var result = await Tools.RunAsync(sh, [Entrypoint, "test"], new Dictionary<string, string?>
            {
                ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}",
                ["FAKE_LOG"] = log,
                ["TMPDIR"] = tmp.FullName,
                ["BLACKLIST_SMOKE_PORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["BLACKLIST_SMOKE_TIMEOUT"] = "20",
                ["ConnectionStrings__Blacklist"] = "Host=production-db;Password=must-not-be-used",
            });
            output.WriteLine(result.Output);

            result.ExitCode.ShouldBe(0, result.Output);
            result.StdOut.ShouldContain("smoke: 6 passed, 0 failed");
            server.Paths.ShouldContain("/ready");
            server.Paths.ShouldContain("/metrics");
            var calls = await File.ReadAllTextAsync(log);
            calls.ShouldContain("/app/blacklist.dll backup");
            calls.ShouldContain("Database__Provider=sqlite");
            calls.ShouldContain($"Kestrel__Endpoints__Http__Url=http://127.0.0.1:{server.Port}");
            calls.ShouldNotContain("must-not-be-used");
            tmp.EnumerateFileSystemInfos().ShouldBeEmpty("the smoke test removes its data");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Image_entrypoint_passes_verbs_to_the_executable()
    {
        if (Tools.Require("sh", "a POSIX shell", output) is not { } sh)
        {
            return;
        }

        var work = Directory.CreateTempSubdirectory("blacklist-entrypoint-");
        try
        {
            var log = Path.Combine(work.FullName, "calls.log");
            var result = await Tools.RunAsync(sh, [Entrypoint, "import", "--source", "manual", "list.txt"], new Dictionary<string, string?>
            {
                ["PATH"] = $"{FakeDotnet(work)}:{Environment.GetEnvironmentVariable("PATH")}",
                ["FAKE_LOG"] = log,
            });
            result.ExitCode.ShouldBe(0, result.Output);
            (await File.ReadAllLinesAsync(log)).ShouldContain("args: /app/blacklist.dll import --source manual list.txt");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void Compose_runs_the_app_on_postgres_and_redis_with_healthchecks_and_no_committed_secret()
    {
        var compose = Yaml.LoadFile("deploy/docker-compose.yml");
        var services = compose.Child("services").Entries().ToDictionary(e => e.Key, e => e.Value);
        services.Keys.ShouldBe(["blacklist", "postgres", "redis"], ignoreOrder: true);
        services["postgres"].Child("image").Scalar().ShouldBe("postgres:16");
        services["redis"].Child("image").Scalar().ShouldBe("redis:7");
        foreach (var (name, service) in services)
        {
            service.Child("healthcheck").ShouldNotBeNull(name);
            service.Child("restart").Scalar().ShouldBe("unless-stopped", name);
        }

        var app = services["blacklist"];
        app.Path("build", "dockerfile").Scalar().ShouldBe("Dockerfile");
        app.Path("depends_on", "postgres", "condition").Scalar().ShouldBe("service_healthy");
        app.Path("depends_on", "redis", "condition").Scalar().ShouldBe("service_healthy");
        app.Child("read_only").Scalar().ShouldBe("true");
        app.Child("volumes").Items().Select(v => v.Scalar()).ShouldContain("blacklist-data:/data");
        var environment = app.Child("environment").Entries().ToDictionary(e => e.Key, e => e.Value.Scalar() ?? "");
        environment["Database__Provider"].ShouldBe("postgres");
        environment["Blacklist__DataDirectory"].ShouldBe("/data");
        environment["ConnectionStrings__Blacklist"].ShouldContain("Password=${POSTGRES_PASSWORD:?");
        environment["Redis__Configuration"].ShouldStartWith("redis:6379");
        environment.ShouldContainKey("Blacklist__Diagnostics__Enabled");
    }

    [Fact]
    public void Every_compose_variable_is_in_the_env_example_which_holds_no_password()
    {
        var example = Repo.Read("deploy/.env.example").Split('\n', StringSplitOptions.TrimEntries)
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        example["POSTGRES_PASSWORD"].ShouldBeEmpty();

        var used = ComposeVariablePattern().Matches(Repo.Read("deploy/docker-compose.yml")).Select(m => m.Groups[1].Value).ToHashSet();
        used.ShouldNotBeEmpty();
        foreach (var variable in used)
        {
            example.ShouldContainKey(variable);
        }
    }

    private static List<Instruction> Dockerfile()
    {
        var instructions = new List<Instruction>();
        var stage = "";
        var pending = new StringBuilder();
        foreach (var raw in File.ReadLines(Repo.PathOf("Dockerfile")))
        {
            var line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending.Append(line[..^1]).Append(' ');
                continue;
            }

            pending.Append(line);
            var text = pending.ToString().Trim();
            pending.Clear();
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var keyword = text[..space].ToUpperInvariant();
            var arguments = Regex.Replace(text[(space + 1)..], "\\s+", " ").Trim();
            if (keyword == "FROM")
            {
                var parts = arguments.Split(' ');
                stage = parts.Length >= 3 && parts[^2].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[^1] : "";
            }

            instructions.Add(new Instruction(stage, keyword, arguments));
        }

        return instructions;
    }

    /// <summary>A stand-in `dotnet`: serving waits for SIGTERM, a verb records itself; backup writes a file.</summary>
    private static string FakeDotnet(DirectoryInfo work)
    {
        var bin = Directory.CreateDirectory(Path.Combine(work.FullName, "bin")).FullName;
        var script = Path.Combine(bin, "dotnet");
        File.WriteAllText(script, """
            #!/bin/sh
            echo "args: $*" >> "$FAKE_LOG"
            env | grep -E '^(Database__Provider|ConnectionStrings__Blacklist|Kestrel__Endpoints__Http__Url|Blacklist__DataDirectory)=' >> "$FAKE_LOG"
            shift
            case "${1:-}" in
              "") trap 'exit 0' TERM; while :; do sleep 1; done ;;
              backup) mkdir -p "$Blacklist__DataDirectory/backups" && cd "$Blacklist__DataDirectory/backups" && echo data > blacklist-test.db && sha256sum blacklist-test.db > blacklist-test.db.sha256 ;;
            esac
            exit 0

            """.Replace("\r", "", StringComparison.Ordinal));
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }

    /// <summary>Answers like the service would on the smoke test's port.</summary>
    private sealed class FakeServer : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly Task loop;

        public FakeServer()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            listener.Start();
            loop = Task.Run(ServeAsync);
        }

        public int Port { get; }

        public List<string> Paths { get; } = [];

        public void Dispose()
        {
            listener.Close();
            try
            {
                loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The listener was closed under a pending accept.
            }
        }

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var path = context.Request.Url?.AbsolutePath ?? "";
                lock (Paths)
                {
                    Paths.Add(path);
                }

                var body = path switch
                {
                    "/ready" => "ready",
                    "/health" => """{"status":"healthy"}""",
                    "/api/blacklist/active" => "192.0.2.1\n",
                    "/metrics" => "http_request_duration_seconds_bucket{le=\"+Inf\"} 3\n",
                    _ => null,
                };
                context.Response.StatusCode = body is null ? 404 : 200;
                var bytes = Encoding.UTF8.GetBytes(body ?? "");
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
    }

    [GeneratedRegex("(PASSWORD|SECRET|TOKEN|APIKEY|API_KEY)[A-Z_]*=", RegexOptions.IgnoreCase)]
    private static partial Regex SecretNamePattern();

    [GeneratedRegex("\\$\\{([A-Z_][A-Z0-9_]*)")]
    private static partial Regex ComposeVariablePattern();
}
