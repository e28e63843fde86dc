namespace Blacklist.Server.Cli.Net;

/// <summary>An input file that cannot be opened or read; the run stops before printing anything.</summary>
internal sealed class InputUnreadableException(string message, Exception inner) : Exception(message, inner);
