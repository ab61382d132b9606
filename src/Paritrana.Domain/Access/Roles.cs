namespace Paritrana.Domain.Access;

/// <summary>
/// The roles of the portal. The names are stored in the database; do not rename. The administrator is
/// the national secretariat (docs/decisions/043); a national juror (Juri Nasional) has no province and
/// sees only the national stage; a candidate's representative only their own organisation's area.
/// </summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string CommitteeChair = nameof(CommitteeChair);
    public const string CommitteeMember = nameof(CommitteeMember);
    public const string BranchOfficer = nameof(BranchOfficer);
    public const string NationalJuror = nameof(NationalJuror);

    /// <summary>
    /// A candidate's representative (Perwakilan Kandidat, issue 18): someone of a nominated government or
    /// employer, invited by the committee, who sees only their own organisation's area (docs/decisions/049).
    /// </summary>
    public const string CandidateRepresentative = nameof(CandidateRepresentative);

    public static readonly IReadOnlyList<string> All = [Administrator, CommitteeChair, CommitteeMember, BranchOfficer, NationalJuror, CandidateRepresentative];

    /// <summary>The award's own people: every role but a candidate's representative (the pages open to jurors, docs/decisions/049).</summary>
    public static readonly IReadOnlyList<string> Portal = [Administrator, CommitteeChair, CommitteeMember, BranchOfficer, NationalJuror];

    /// <summary>The roles the administrator gives on the users pages; a candidate's representative is invited from a nomination.</summary>
    public static readonly IReadOnlyList<string> Assignable = Portal;

    /// <summary>The roles of the provincial process and of the secretariat: everyone but a national juror (the provincial pages' policy).</summary>
    public static readonly IReadOnlyList<string> Staff = [Administrator, CommitteeChair, CommitteeMember, BranchOfficer];

    /// <summary>Roles whose holders belong to one province.</summary>
    public static bool IsProvincial(string role) => role is CommitteeChair or CommitteeMember or BranchOfficer;

    /// <summary>Roles of the provincial committee (the chair does everything a member does).</summary>
    public static bool IsCommittee(string role) => role is CommitteeChair or CommitteeMember;
}
