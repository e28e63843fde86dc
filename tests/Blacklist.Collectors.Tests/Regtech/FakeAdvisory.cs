namespace Blacklist.Collectors.Tests.Regtech;

/// <summary>One blacklist advisory a fake portal serves.</summary>
internal sealed record FakeAdvisory(string Address, string Country, string Reason, DateOnly DetectedOn, DateOnly? ReleasedOn = null);
