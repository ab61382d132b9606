namespace Paritrana.Domain.Imports;

/// <summary>The column names of the regional coverage extract, as written in its header (any order, any case).</summary>
public static class RegionalColumns
{
    public const string RegionCode = "kode_wilayah";
    public const string Period = "periode";
    public const string FormalWorkers = "pekerja_formal";
    public const string InformalWorkers = "pekerja_informal";
    public const string ParticipantsPu = "peserta_pu";
    public const string ParticipantsBpu = "peserta_bpu";
    public const string ActiveEmployers = "pemberi_kerja_aktif";
    public const string AwareVillages = "desa_sadar";

    /// <summary>Every column, all required in the header (only <see cref="AwareVillages"/>'s cells may be empty), in the order of the documentation and the sample file.</summary>
    public static IReadOnlyList<string> All { get; } =
        [RegionCode, Period, FormalWorkers, InformalWorkers, ParticipantsPu, ParticipantsBpu, ActiveEmployers, AwareVillages];
}

/// <summary>One valid row of a regional coverage extract: a regency's or city's figures as of a month (its first day).</summary>
public sealed record RegionalRow(
    int Line,
    string RegencyCode,
    DateOnly Period,
    int FormalWorkers,
    int InformalWorkers,
    int ParticipantsPu,
    int ParticipantsBpu,
    int ActiveEmployers,
    int? AwareVillages) : IImportRow;

/// <summary>What one data row came to: a valid row (perhaps with warnings), or its errors.</summary>
public sealed record RegionalRowResult(int Line, RegionalRow? Row, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportError> Warnings);

/// <summary>
/// How far participants may exceed the population they are counted against (PU against formal
/// workers, BPU against informal ones): BPS's survey and BPJamsostek's register count differently,
/// so up to 10 % more is possible and only worth a warning; beyond 10 % the row is wrong.
/// </summary>
public static class CoverageLimit
{
    public enum Verdict
    {
        Plausible,
        /// <summary>Above 100 % and at most 110 %: a warning in the preview.</summary>
        Above,
        /// <summary>Above 110 % (or participants with no population at all): an error.</summary>
        FarAbove,
    }

    /// <summary>Exactly 100 % is plausible, exactly 110 % only a warning; computed in whole numbers, so no rounding decides.</summary>
    public static Verdict Judge(long participants, long population) =>
        participants * 100 > population * 110 ? Verdict.FarAbove
        : participants > population ? Verdict.Above
        : Verdict.Plausible;

    /// <summary>The share as messages show it: id-ID, two decimals ("105,00"); "∞" for a population of 0.</summary>
    public static string Percent(long participants, long population) =>
        population == 0 ? "∞" : (100m * participants / population).ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
}
