using System.Text;
using Blacklist.Collectors.Regtech;

namespace Blacklist.Collectors.Tests.Regtech;

public sealed class RegtechSessionCookieTests
{
    private static readonly string Jwt = $"eyJhbGciOiJIUzI1NiJ9.{Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"exp\":1787200000}")).TrimEnd('=')}.c2ln";

    [Theory]
    [InlineData("Bearer {0}", "regtech-va=Bearer {0}")]
    [InlineData("regtech-va=Bearer {0}", "regtech-va=Bearer {0}")]
    [InlineData("Cookie: JSESSIONID=abc; regtech-va=Bearer {0}", "JSESSIONID=abc; regtech-va=Bearer {0}")]
    [InlineData("  {0}  ", "regtech-va={0}")]
    public void What_a_browser_shows_becomes_a_cookie_header(string pasted, string header)
        => RegtechSessionCookie.Normalize(string.Format(null, pasted, Jwt)).ShouldBe(string.Format(null, header, Jwt));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Cookie:")]
    [InlineData("a=b\nc=d")]
    public void Nothing_usable_is_refused(string pasted) => RegtechSessionCookie.Normalize(pasted).ShouldBeNull();

    [Fact]
    public void The_expiry_is_read_from_the_jwt()
    {
        RegtechSessionCookie.ExpiryOf($"JSESSIONID=1; regtech-va=Bearer {Jwt}").ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1787200000));
        RegtechSessionCookie.ExpiryOf("regtech-va=Bearer not-a-jwt").ShouldBeNull();
        RegtechSessionCookie.ExpiryOf("JSESSIONID=1").ShouldBeNull();
    }
}
