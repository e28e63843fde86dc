using Blacklist.Core.Addresses;

namespace Blacklist.Server.Api.Views;

/// <summary>The family names used in JSON: "ipv4" and "ipv6".</summary>
internal static class FamilyNames
{
    public const string V4 = "ipv4";
    public const string V6 = "ipv6";

    public static string Of(IpFamily family) => family == IpFamily.V4 ? V4 : V6;
}
