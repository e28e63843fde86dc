namespace Blacklist.Data.Model;

/// <summary>The single row whose value every write transaction bumps.</summary>
internal sealed class ChangeCounterRow
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}
