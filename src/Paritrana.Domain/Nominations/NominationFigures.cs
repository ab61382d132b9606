using System.Globalization;
using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Nominations;

/// <summary>The sane maxima of a nomination's figures: far above any real value, low enough to catch a slipped finger.</summary>
public static class FigureLimits
{
    public const int Workers = 5_000_000;
    public const int ProtectedWorkers = 50_000_000;
    public const long Workforce = 100_000_000;
    public const int ArrearsMonths = 240;
    public const int Vendors = 100_000;
    public const int LongText = 4000;
    public const int FirstYear = 2000;

    /// <summary>Rp 1 kuadriliun: more than any APBD line or CSR budget.</summary>
    public const decimal Rupiah = 1_000_000_000_000_000m;
}

/// <summary>How a nomination's figures must relate to each other; the forms' validators word the messages.</summary>
public static class FigureRules
{
    /// <summary>True unless all three are known and the two parts add up to more than the whole (PU + BPU against workers or the BPS workforce).</summary>
    public static bool PartsFit(int? first, int? second, long? whole) =>
        first is not >= 0 || second is not >= 0 || whole is not >= 0 || (long)first.Value + second.Value <= whole.Value;

    /// <summary>A part (registered vendors, covered non-ASN workers) needs its whole to be given too.</summary>
    public static bool PartHasWhole(int? part, int? whole) => part is null || whole is not null;

    /// <summary>True unless both are known and the part is more than the whole.</summary>
    public static bool PartWithinWhole(int? part, int? whole) => !(part >= 0 && whole >= 0) || part <= whole;
}

/// <summary>
/// The figures a committee member types for a nomination: employers' coverage and compliance, or a
/// government's coverage; the summary for both. Texts as typed (blank means none).
/// </summary>
public sealed record NominationFigures
{
    public bool IsGovernment { get; init; }
    public DateOnly? FiguresAsOf { get; init; }
    public int? Workers { get; init; }
    public int? ParticipantsPu { get; init; }
    public int? ParticipantsBpu { get; init; }
    public Programs Programs { get; init; }
    public int? ArrearsMonths { get; init; }
    public bool? AllWorkersRegistered { get; init; }
    public bool? WagesReportedCorrectly { get; init; }
    public bool? UsesSipp { get; init; }
    public int? JmoUsers { get; init; }
    public decimal? NikValidatedPercent { get; init; }
    public int? VendorCount { get; init; }
    public int? VendorsRegistered { get; init; }
    public string? CsrDescription { get; init; }
    public decimal? CsrAmount { get; init; }
    public long? WorkforceBps { get; init; }
    public int? ProtectedPu { get; init; }
    public int? ProtectedBpu { get; init; }
    public int? NonAsnWorkers { get; init; }
    public int? NonAsnCovered { get; init; }
    public string? Summary { get; init; }

    /// <summary>
    /// Copies the figures of the nomination's kind (and the summary) onto it and returns what
    /// changed, one line per figure, for the audit trail: numbers, dates and yes/no with their old
    /// and new value, long texts only as "changed". Blank texts are stored as null.
    /// </summary>
    public IReadOnlyList<string> ApplyTo(Nomination n)
    {
        var changes = new List<string>();

        void Set<T>(string name, T current, T value, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                changes.Add($"{name}: {Show(current)} -> {Show(value)}");
                assign(value);
            }
        }

        void SetText(string name, string? current, string? value, Action<string?> assign)
        {
            if (!string.Equals(current, value, StringComparison.Ordinal))
            {
                changes.Add($"{name} changed");
                assign(value);
            }
        }

        if (IsGovernment)
        {
            Set("workforce", n.WorkforceBps, WorkforceBps, v => n.WorkforceBps = v);
            Set("protected PU", n.ProtectedPu, ProtectedPu, v => n.ProtectedPu = v);
            Set("protected BPU", n.ProtectedBpu, ProtectedBpu, v => n.ProtectedBpu = v);
            Set("non-ASN workers", n.NonAsnWorkers, NonAsnWorkers, v => n.NonAsnWorkers = v);
            Set("non-ASN covered", n.NonAsnCovered, NonAsnCovered, v => n.NonAsnCovered = v);
        }
        else
        {
            Set("as of", n.FiguresAsOf, FiguresAsOf, v => n.FiguresAsOf = v);
            Set("workers", n.Workers, Workers, v => n.Workers = v);
            Set("participants PU", n.ParticipantsPu, ParticipantsPu, v => n.ParticipantsPu = v);
            Set("participants BPU", n.ParticipantsBpu, ParticipantsBpu, v => n.ParticipantsBpu = v);
            if (Programs != n.Programs)
            {
                changes.Add($"programs: {ProgramCodes.Format(n.Programs, "|")} -> {ProgramCodes.Format(Programs, "|")}");
                n.Programs = Programs;
            }

            Set("arrears months", n.ArrearsMonths, ArrearsMonths, v => n.ArrearsMonths = v);
            Set("all workers registered", n.AllWorkersRegistered, AllWorkersRegistered, v => n.AllWorkersRegistered = v);
            Set("wages reported correctly", n.WagesReportedCorrectly, WagesReportedCorrectly, v => n.WagesReportedCorrectly = v);
            Set("uses SIPP", n.UsesSipp, UsesSipp, v => n.UsesSipp = v);
            Set("JMO users", n.JmoUsers, JmoUsers, v => n.JmoUsers = v);
            Set("NIK validated %", n.NikValidatedPercent, NikValidatedPercent, v => n.NikValidatedPercent = v);
            Set("vendors", n.VendorCount, VendorCount, v => n.VendorCount = v);
            Set("vendors registered", n.VendorsRegistered, VendorsRegistered, v => n.VendorsRegistered = v);
            SetText("CSR description", n.CsrDescription, Blank(CsrDescription), v => n.CsrDescription = v);
            Set("CSR amount", n.CsrAmount, CsrAmount, v => n.CsrAmount = v);
        }

        SetText("summary", n.Summary, Blank(Summary), v => n.Summary = v);
        return changes;
    }

    /// <summary>Null for a blank text, else the text trimmed.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Show<T>(T value) => value switch
    {
        null => "-",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "-",
    };
}
