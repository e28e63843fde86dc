namespace Blacklist.Core.Rendering;

/// <summary>Where a line-per-entry format says that a cap dropped entries.</summary>
internal enum CapNotice
{
    /// <summary>`#` header lines before the first entry.</summary>
    HeaderComment,

    /// <summary>After the first entry, separated by a space (PAN-OS: "[entry] [space] [comment]"; comment-only lines are not documented).</summary>
    TrailingComment,

    /// <summary>Nowhere in the body: the device counts every line as an entry (FortiOS threat feeds).</summary>
    None,
}
