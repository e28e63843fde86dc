namespace Blacklist.Server.Cli;

/// <summary>Exit codes of the verbs that answer a question (documented in the README).</summary>
internal static class VerbExitCodes
{
    /// <summary>`check`: at least one address is blocked.</summary>
    public const int Blocked = 1;

    /// <summary>An argument is not valid (BSD sysexits EX_USAGE).</summary>
    public const int BadInput = 64;
}
