using Blacklist.Collectors.Polite;

namespace Blacklist.Collectors.Regtech;

/// <summary>A REGTECH source's settings (<c>Blacklist:Sources:{name}</c> with <c>Kind: regtech</c>).</summary>
public sealed class RegtechSettings : PortalSourceSettings
{
    public RegtechSettings()
    {
        BaseUrl = new Uri("https://regtech.fsec.or.kr");
    }

    /// <summary>A downloaded workbook smaller than this is treated as missing (the HTML list is read instead).</summary>
    public int MinWorkbookBytes { get; set; } = 1024;

    /// <summary>
    /// A workbook whose newest detection date is older than the window's start by more than this
    /// many days is stale (the portal ignored the dates): the HTML list is read instead.
    /// </summary>
    public int StaleAfterDays { get; set; } = 7;

    /// <summary>Longest window of one download; the portal allows three months.</summary>
    public int MaxMonthsPerRequest { get; set; } = 3;

    /// <summary>Rows per page of the HTML list (the fallback).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Most pages of the HTML list read for one window, a stop for a portal that ignores paging.</summary>
    public int MaxPages { get; set; } = 500;

    public override IEnumerable<string> Validate(string path)
    {
        foreach (var problem in base.Validate(path))
        {
            yield return problem;
        }

        if (MinWorkbookBytes is < 0 or > 1024 * 1024)
        {
            yield return $"{path}:MinWorkbookBytes: must be between 0 and 1048576 (got {MinWorkbookBytes}).";
        }

        if (StaleAfterDays is < 0 or > 3660)
        {
            yield return $"{path}:StaleAfterDays: must be between 0 and 3660 (got {StaleAfterDays}).";
        }

        if (MaxMonthsPerRequest is < 1 or > 3)
        {
            yield return $"{path}:MaxMonthsPerRequest: must be between 1 and 3, the portal's limit (got {MaxMonthsPerRequest}).";
        }

        if (PageSize is < 1 or > 10000)
        {
            yield return $"{path}:PageSize: must be between 1 and 10000 (got {PageSize}).";
        }

        if (MaxPages is < 1 or > 100000)
        {
            yield return $"{path}:MaxPages: must be between 1 and 100000 (got {MaxPages}).";
        }
    }
}
