using Blacklist.Collectors.Polite;

namespace Blacklist.Collectors.Secudium;

/// <summary>A SECUDIUM source's settings (<c>Blacklist:Sources:{name}</c> with <c>Kind: secudium</c>).</summary>
public sealed class SecudiumSettings : PortalSourceSettings
{
    public SecudiumSettings()
    {
        BaseUrl = new Uri("https://secudium.skinfosec.co.kr");
    }

    public SecudiumMode Mode { get; set; } = SecudiumMode.Api;

    /// <summary>Rows asked per list page (the <c>count</c> parameter).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Most list pages read in one run, a stop for a portal that ignores paging.</summary>
    public int MaxPages { get; set; } = 200;

    /// <summary>Most row details fetched in one run (one request each) for rows the list gives without an address.</summary>
    public int MaxDetails { get; set; } = 5000;

    /// <summary>Reports are monthly, so a scheduled reports run looks a month back by default.</summary>
    protected override int DefaultWindowDays => Mode == SecudiumMode.Reports ? 31 : 3;

    public override IEnumerable<string> Validate(string path)
    {
        foreach (var problem in base.Validate(path))
        {
            yield return problem;
        }

        if (!Enum.IsDefined(Mode))
        {
            yield return $"{path}:Mode: must be Api or Reports (got {Mode}).";
        }

        if (PageSize is < 1 or > 10000)
        {
            yield return $"{path}:PageSize: must be between 1 and 10000 (got {PageSize}).";
        }

        if (MaxPages is < 1 or > 100000)
        {
            yield return $"{path}:MaxPages: must be between 1 and 100000 (got {MaxPages}).";
        }

        if (MaxDetails is < 0 or > 1000000)
        {
            yield return $"{path}:MaxDetails: must be between 0 and 1000000 (got {MaxDetails}).";
        }
    }
}
