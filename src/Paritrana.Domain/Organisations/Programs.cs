namespace Paritrana.Domain.Organisations;

/// <summary>
/// The BPJamsostek programmes an employer is enrolled in: work accident (JKK), death (JKM),
/// old-age savings (JHT), pension (JP) and job loss (JKP). Stored as bit flags.
/// </summary>
[Flags]
public enum Programs
{
    None = 0,
    Jkk = 1,
    Jkm = 2,
    Jht = 4,
    Jp = 8,
    Jkp = 16,
    All = Jkk | Jkm | Jht | Jp | Jkp,
}

public static class ProgramCodes
{
    private static readonly (Programs Flag, string Code)[] Table =
    [
        (Programs.Jkk, "JKK"), (Programs.Jkm, "JKM"), (Programs.Jht, "JHT"), (Programs.Jp, "JP"), (Programs.Jkp, "JKP"),
    ];

    public static IEnumerable<(Programs Flag, string Code)> Each => Table;

    /// <summary>"JKK, JKM, JHT" for display and export, in the fixed order JKK JKM JHT JP JKP.</summary>
    public static string Format(Programs programs, string separator = ", ") =>
        string.Join(separator, Table.Where(t => programs.HasFlag(t.Flag)).Select(t => t.Code));

    /// <summary>
    /// Parses a list such as "JKK|JKM", "jkk, jht" or "JKK JKM JP". Unknown codes are returned so
    /// that the caller can report them; an empty text means no programme.
    /// </summary>
    public static Programs Parse(string? text, out IReadOnlyList<string> unknown)
    {
        var result = Programs.None;
        var bad = new List<string>();
        foreach (var token in (text ?? "").Split(['|', ',', ';', ' ', '\t', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Table.FirstOrDefault(t => string.Equals(t.Code, token, StringComparison.OrdinalIgnoreCase));
            if (match.Code is null)
            {
                bad.Add(token);
            }
            else
            {
                result |= match.Flag;
            }
        }

        unknown = bad;
        return result;
    }
}
