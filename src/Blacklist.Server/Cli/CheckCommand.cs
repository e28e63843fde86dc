using System.CommandLine;
using System.Globalization;
using Blacklist.Server.Api.Search;

namespace Blacklist.Server.Cli;

/// <summary>
/// `blacklist check IP…`: is each address blocked, and by which sources — answered from the
/// database the way the server would. Exit 0: none blocked; 1: at least one blocked;
/// 2: configuration or database problem; 64: an argument is not an address.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var addresses = new Argument<string[]>("ip") { Description = "One or more IPv4 or IPv6 addresses.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Is each address blocked, by which sources? Exit code 0 when none is blocked, 1 when any is, 64 for an argument that is not an address.")
        {
            addresses,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = VerbHost.Build();
            if (!await VerbHost.PrepareAsync(host, Console.Error, cancellationToken))
            {
                return VerbHost.SetupFailed;
            }

            var snapshot = await VerbSnapshot.LoadAsync(host, cancellationToken);
            var anyBlocked = false;
            var anyInvalid = false;
            foreach (var input in parse.GetValue(addresses) ?? [])
            {
                var result = AddressExplainer.Explain(snapshot, input);
                if (!result.Valid)
                {
                    anyInvalid = true;
                    await Console.Error.WriteLineAsync($"{input}\tinvalid: {result.Error}");
                    continue;
                }

                anyBlocked |= result.Blocked;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Ip}\t{(result.Blocked ? "BLOCKED" : "not blocked")}\t{result.Explanation}"));
                foreach (var indicator in result.Indicators ?? [])
                {
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"\t{indicator.Source} {indicator.Range}: {indicator.Reason ?? "(no reason given)"}; first seen {indicator.FirstSeen:yyyy-MM-dd}, expires {indicator.ExpiresAt:yyyy-MM-dd}"));
                }
            }

            return anyInvalid ? VerbExitCodes.BadInput : anyBlocked ? VerbExitCodes.Blocked : 0;
        });
        return command;
    }
}
