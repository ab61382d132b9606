namespace Paritrana.Web.Infrastructure;

/// <summary>Search boxes: what the user types is matched literally, case-insensitively (ILIKE).</summary>
public static class TextSearch
{
    /// <summary>An ILIKE pattern for "contains": % and _ typed by the user match themselves.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Trim()
            .Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
