namespace Paritrana.Domain.Cycles;

/// <summary>
/// The rules of award cycles and their categories that do not need a database: the years a cycle
/// may have, what a category code looks like, and how a new cycle gets its categories (the default
/// set, or a copy of an earlier cycle's).
/// </summary>
public static class CycleRules
{
    /// <summary>The award started in 2017.</summary>
    public const int FirstYear = 2017;
    public const int LastYear = 2100;
    public const int MaxCodeLength = 20;
    public const int MaxNameLength = 150;
    public const int MinFinalists = 1;
    public const int MaxFinalists = 20;

    public static bool IsValidYear(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>Codes are stored trimmed and in upper case ("pemprov " becomes "PEMPROV").</summary>
    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>A code is 1 to 20 characters, each an upper-case ASCII letter or a digit.</summary>
    public static bool IsValidCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= MaxCodeLength && code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    public static bool IsValidFinalistCount(int count) => count is >= MinFinalists and <= MaxFinalists;

    /// <summary>
    /// The default categories (<see cref="CategoryKinds.Defaults"/>) in their order, active when their
    /// code is among <paramref name="activeCodes"/>; the others are created inactive so they can be
    /// switched on later without retyping.
    /// </summary>
    public static List<Category> DefaultCategories(IEnumerable<string> activeCodes)
    {
        var active = activeCodes.ToHashSet(StringComparer.Ordinal);
        return CategoryKinds.Defaults
            .Select((d, i) => new Category
            {
                Code = d.Code,
                Name = d.Name,
                Kind = d.Kind,
                SortOrder = i + 1,
                FinalistCount = 1,
                IsActive = active.Contains(d.Code),
            })
            .ToList();
    }

    /// <summary>The codes of the default categories that are ticked on a new cycle's form.</summary>
    public static IReadOnlyList<string> DefaultActiveCodes { get; } = CategoryKinds.Defaults.Where(d => d.Active).Select(d => d.Code).ToList();

    /// <summary>Copies of categories for another cycle: code, name, kind, order, finalist count and active flag.</summary>
    public static List<Category> CopyCategories(IEnumerable<Category> source) =>
        source
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new Category
            {
                Code = c.Code,
                Name = c.Name,
                Kind = c.Kind,
                SortOrder = c.SortOrder,
                FinalistCount = c.FinalistCount,
                IsActive = c.IsActive,
            })
            .ToList();
}
