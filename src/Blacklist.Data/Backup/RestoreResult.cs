namespace Blacklist.Data.Backup;

/// <summary>What a restore replaced: the database (a path, or a description without credentials) and where the previous copy was kept, if one was.</summary>
public sealed record RestoreResult(string Target, string? PreviousCopy);
