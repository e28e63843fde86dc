namespace Blacklist.Server.Api.Input;

/// <summary>Who a write is recorded as in the audit log.</summary>
internal static class ActorName
{
    public const string Anonymous = "anonymous";

    public static string Of(HttpContext context)
        => context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;
}
