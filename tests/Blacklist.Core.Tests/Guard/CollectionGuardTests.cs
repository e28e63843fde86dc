using Blacklist.Core.Addresses;
using Blacklist.Core.Guard;
using Blacklist.Core.Indicators;

namespace Blacklist.Core.Tests.Guard;

public sealed class CollectionGuardTests
{
    private static List<Observation> Addresses(int count)
        => Enumerable.Range(1, count).Select(i => new Observation(IpRange.V4((uint)(0x0B000000 + i)))).ToList();

    private static Observation Cidr(string text)
    {
        var parsed = IpRangeParser.Parse(text.AsSpan());
        parsed.Success.ShouldBeTrue();
        return new Observation(parsed.Range) { LineNumber = 7 };
    }

    [Fact]
    public void A_first_run_with_normal_entries_is_accepted()
        => CollectionGuard.Evaluate(new GuardInput(Addresses(10), 0, null), GuardLimits.Default).Accepted.ShouldBeTrue();

    [Fact]
    public void An_empty_feed_after_a_non_empty_one_is_refused_unless_allowed()
    {
        var verdict = CollectionGuard.Evaluate(new GuardInput([], 0, 500), GuardLimits.Default);

        verdict.Accepted.ShouldBeFalse();
        verdict.Reasons.ShouldHaveSingleItem().ShouldContain("empty but the previous successful run had 500");
        CollectionGuard.Evaluate(new GuardInput([], 0, 500), GuardLimits.Default with { AllowEmpty = true }).Accepted.ShouldBeTrue();
        CollectionGuard.Evaluate(new GuardInput([], 0, 0), GuardLimits.Default).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Shrinking_by_more_than_the_limit_is_refused()
    {
        CollectionGuard.Evaluate(new GuardInput(Addresses(499), 0, 1000), GuardLimits.Default).Reasons.ShouldHaveSingleItem().ShouldContain("shrank from 1000 to 499");
        CollectionGuard.Evaluate(new GuardInput(Addresses(500), 0, 1000), GuardLimits.Default).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Growing_by_more_than_the_limit_is_refused_and_the_limit_can_be_lifted()
    {
        CollectionGuard.Evaluate(new GuardInput(Addresses(401), 0, 100), GuardLimits.Default).Reasons.ShouldHaveSingleItem().ShouldContain("grew from 100 to 401");
        CollectionGuard.Evaluate(new GuardInput(Addresses(400), 0, 100), GuardLimits.Default).Accepted.ShouldBeTrue();
        CollectionGuard.Evaluate(new GuardInput(Addresses(401), 0, 100), GuardLimits.Default with { MaxGrowthFraction = null }).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Small_baselines_skip_the_size_checks()
        => CollectionGuard.Evaluate(new GuardInput(Addresses(50), 0, 5), GuardLimits.Default).Accepted.ShouldBeTrue();

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("16.0.0.0/4")]
    [InlineData("10.0.0.0/7")]
    [InlineData("2000::/16")]
    [InlineData("1.0.0.0-3.0.0.1")]
    public void Prefixes_wider_than_the_limit_are_refused_naming_the_line(string range)
    {
        var verdict = CollectionGuard.Evaluate(new GuardInput([.. Addresses(3), Cidr(range)], 0, null), GuardLimits.Default);

        verdict.Reasons.ShouldHaveSingleItem().ShouldContain("(line 7)");
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("2001:db8::/32")]
    public void Prefixes_at_the_limit_are_accepted(string range)
        => CollectionGuard.Evaluate(new GuardInput([Cidr(range)], 0, null), GuardLimits.Default).Accepted.ShouldBeTrue();

    [Fact]
    public void The_width_limit_is_configurable()
        => CollectionGuard.Evaluate(new GuardInput([Cidr("10.0.0.0/8")], 0, null), GuardLimits.Default with { MaxIpv4PrefixWidth = 16 }).Accepted.ShouldBeFalse();

    [Fact]
    public void Mostly_rejected_lines_are_refused()
    {
        CollectionGuard.Evaluate(new GuardInput(Addresses(10), 11, null), GuardLimits.Default).Reasons.ShouldHaveSingleItem().ShouldContain("11 of 21 lines were rejected");
        CollectionGuard.Evaluate(new GuardInput(Addresses(10), 10, null), GuardLimits.Default).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Every_reason_is_reported_at_once()
    {
        var verdict = CollectionGuard.Evaluate(new GuardInput([Cidr("0.0.0.0/0")], 5, 1000), GuardLimits.Default);

        verdict.Reasons.Count.ShouldBe(3);
        verdict.ToString().ShouldContain("; ");
    }
}
