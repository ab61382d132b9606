using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.National;

/// <summary>
/// The national stage of a cycle (docs/decisions/043): the provinces' forwarded finalists form the
/// national pool, scored by the national jury in national rounds with the provinces' scoring engine.
/// </summary>
public static class NationalStage
{
    /// <summary>
    /// The scope value of the national rounds and their cards (their "province"): no province has it,
    /// so every provincial filter (<c>ProvinceCode == province</c>) keeps the national stage out.
    /// </summary>
    public const string Code = "00";

    /// <summary>The statuses of a nomination in the national pool: forwarded, and the national outcome.</summary>
    public static readonly IReadOnlyList<NominationStatus> PoolStatuses =
        [NominationStatus.ForwardedToNational, NominationStatus.Winner, NominationStatus.NotWinner];

    /// <summary>Whether a nomination of this status is in the national pool (a juror may see it).</summary>
    public static bool InPool(NominationStatus status) =>
        status is NominationStatus.ForwardedToNational or NominationStatus.Winner or NominationStatus.NotWinner;

    /// <summary>Whether a round (or card) of this scope value is a national one.</summary>
    public static bool IsNational(string provinceCode) => provinceCode == Code;
}

/// <summary>Why a juror does not score a candidate.</summary>
public enum JurorExclusion
{
    None = 0,

    /// <summary>The juror comes from the candidate's province (the account's home province).</summary>
    HomeProvince = 1,

    /// <summary>The juror declared a conflict of interest with the candidate.</summary>
    DeclaredConflict = 2,
}

/// <summary>
/// The national jury's conflict rule (issue 17): a juror from a candidate's province, or who declared a
/// conflict with it, does not score it. The home province is an optional field of the juror's account,
/// used for this rule only, never for access.
/// </summary>
public static class JurorConflicts
{
    public static JurorExclusion Check(string? jurorHomeProvince, string candidateProvince, bool declaredConflict) =>
        declaredConflict ? JurorExclusion.DeclaredConflict
        : !string.IsNullOrEmpty(jurorHomeProvince) && string.Equals(jurorHomeProvince, candidateProvince, StringComparison.Ordinal) ? JurorExclusion.HomeProvince
        : JurorExclusion.None;
}
