namespace Blacklist.Core.Guard;

/// <summary>The guard's answer: accepted, or refused with every reason in words an operator can act on.</summary>
public sealed record GuardVerdict(IReadOnlyList<string> Reasons)
{
    public static GuardVerdict Accept { get; } = new([]);

    public bool Accepted => Reasons.Count == 0;

    public override string ToString() => Accepted ? "accepted" : string.Join("; ", Reasons);
}
