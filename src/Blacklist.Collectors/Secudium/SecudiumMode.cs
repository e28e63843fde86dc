namespace Blacklist.Collectors.Secudium;

/// <summary>How a SECUDIUM source reads the portal.</summary>
public enum SecudiumMode
{
    /// <summary>The paged JSON list of black IPs for the window (details fetched for rows that lack fields).</summary>
    Api,

    /// <summary>The monthly .xlsx reports registered in the window.</summary>
    Reports,
}
