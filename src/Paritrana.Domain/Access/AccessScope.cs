namespace Paritrana.Domain.Access;

/// <summary>
/// What a signed-in user may see: everything (administrator), one province (committee), or the
/// regencies and cities of one branch office (branch officer). Every query of province- or
/// region-bound data is filtered through this one object, so the rule lives in one place.
/// </summary>
public sealed class AccessScope
{
    private readonly HashSet<string> _regencyCodes;

    private AccessScope(bool isNational, string? provinceCode, int? branchOfficeId, IEnumerable<string>? regencyCodes, bool seesNationalStage = false, int? candidateOrganisationId = null)
    {
        CandidateOrganisationId = candidateOrganisationId;
        IsNational = isNational;
        SeesNationalStage = isNational || seesNationalStage;
        ProvinceCode = provinceCode;
        BranchOfficeId = branchOfficeId;
        _regencyCodes = regencyCodes is null ? [] : new HashSet<string>(regencyCodes, StringComparer.Ordinal);
    }

    /// <summary>An administrator sees every province.</summary>
    public bool IsNational { get; }

    /// <summary>
    /// Whether the national stage (the national pool, the national rounds and their cards) is visible:
    /// the administrator's and a national juror's. A juror sees nothing provincial: no province, so
    /// every provincial filter gives them nothing (docs/decisions/043).
    /// </summary>
    public bool SeesNationalStage { get; }

    /// <summary>A national juror: the national stage only.</summary>
    public bool IsJuror => SeesNationalStage && !IsNational;

    /// <summary>
    /// The organisation of a candidate's representative: the only one whose own area they see. Like a
    /// juror, they have no province, so every provincial filter gives them nothing (docs/decisions/049).
    /// </summary>
    public int? CandidateOrganisationId { get; }

    /// <summary>A candidate's representative: their own organisation's area only.</summary>
    public bool IsCandidate => CandidateOrganisationId is not null;

    /// <summary>The one province of a non-administrator; null for the administrator.</summary>
    public string? ProvinceCode { get; }

    /// <summary>The branch office of a branch officer; null for everyone else.</summary>
    public int? BranchOfficeId { get; }

    /// <summary>True when only some regencies and cities of the province are visible (a branch officer).</summary>
    public bool IsLimitedToRegencies => BranchOfficeId is not null;

    /// <summary>The regencies and cities of a branch officer's branch; empty for other roles.</summary>
    public IReadOnlyCollection<string> RegencyCodes => _regencyCodes;

    /// <summary>A scope that sees nothing: a user whose role or assignment is incomplete.</summary>
    public static AccessScope None { get; } = new(false, null, null, null);

    public bool SeesNothing => !IsNational && ProvinceCode is null;

    public static AccessScope National() => new(true, null, null, null);

    /// <summary>A national juror: nothing provincial, the national stage only.</summary>
    public static AccessScope Juror() => new(false, null, null, null, seesNationalStage: true);

    /// <summary>A candidate's representative: nothing provincial, their own organisation's area only.</summary>
    public static AccessScope Candidate(int organisationId) => new(false, null, null, null, candidateOrganisationId: organisationId);

    public static AccessScope Province(string provinceCode) => new(false, provinceCode, null, null);

    public static AccessScope Branch(string provinceCode, int branchOfficeId, IEnumerable<string> regencyCodes) =>
        new(false, provinceCode, branchOfficeId, regencyCodes);

    /// <summary>
    /// Builds the scope of a user from their role and assignment. A provincial role without a
    /// province, a branch officer without a branch, or a candidate's representative without an
    /// organisation, sees nothing rather than everything.
    /// </summary>
    public static AccessScope For(string? role, string? provinceCode, int? branchOfficeId, IEnumerable<string>? branchRegencyCodes, int? organisationId = null)
    {
        return role switch
        {
            Roles.Administrator => National(),
            Roles.NationalJuror => Juror(),
            Roles.CandidateRepresentative when organisationId is int organisation => Candidate(organisation),
            Roles.CommitteeChair or Roles.CommitteeMember when !string.IsNullOrEmpty(provinceCode) => Province(provinceCode),
            Roles.BranchOfficer when !string.IsNullOrEmpty(provinceCode) && branchOfficeId is int branch =>
                Branch(provinceCode, branch, branchRegencyCodes ?? []),
            _ => None,
        };
    }

    public bool CanSeeProvince(string provinceCode) =>
        IsNational || (ProvinceCode is not null && string.Equals(ProvinceCode, provinceCode, StringComparison.Ordinal));

    /// <summary>
    /// A regency or city is visible when its province is, and, for a branch officer, when the
    /// branch covers it.
    /// </summary>
    public bool CanSeeRegency(string regencyCode)
    {
        if (IsNational)
        {
            return true;
        }

        var dot = regencyCode.IndexOf('.', StringComparison.Ordinal);
        if (ProvinceCode is null || dot < 0 || !regencyCode.AsSpan(0, dot).SequenceEqual(ProvinceCode))
        {
            return false;
        }

        return !IsLimitedToRegencies || _regencyCodes.Contains(regencyCode);
    }
}
