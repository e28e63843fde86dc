using Blacklist.Deploy.Tests.Support;

namespace Blacklist.Deploy.Tests;

public sealed class YamlLintTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Yamllint_passes_on_k8s_and_deploy_with_the_repository_config()
    {
        var yamllint = Tools.Require("yamllint", "apt-get install yamllint (scripts/test-deps.sh does)", output);
        if (yamllint is null)
        {
            return;
        }

        var result = await Tools.RunAsync(yamllint, ["--strict", "--format", "parsable", "-c", ".yamllint", "k8s", "deploy", ".yamllint"]);
        result.ExitCode.ShouldBe(0, result.Output);
    }
}
