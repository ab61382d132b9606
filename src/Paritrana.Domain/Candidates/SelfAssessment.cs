using Paritrana.Domain.Access;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Candidates;

/// <summary>
/// A candidate's own self-assessment of one nomination (issue 18, docs/decisions/051): the figures its
/// category asks, its lists (regulations, budget lines, innovations) and its documents, kept apart from
/// the nomination. Nothing of it reaches the nomination until a committee member accepts it
/// (<see cref="SelfAssessmentRules.Merge"/>). One per nomination.
/// </summary>
public class SelfAssessment : IRegionBound
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public int OrganisationId { get; set; }
    /// <summary>Copied from the nomination so that the committee's scoped queries need no join.</summary>
    public required string ProvinceCode { get; set; }
    public string? RegencyCode { get; set; }
    public bool IsGovernment { get; set; }
    public SelfAssessmentStatus Status { get; set; } = SelfAssessmentStatus.Draft;

    /// <summary>Whether the representative has saved the figures form once (a submission needs them).</summary>
    public bool FiguresSaved { get; set; }

    // The figures, as in NominationFigures (blank: not given).
    public DateOnly? FiguresAsOf { get; set; }
    public int? Workers { get; set; }
    public int? ParticipantsPu { get; set; }
    public int? ParticipantsBpu { get; set; }
    public Programs Programs { get; set; }
    public int? ArrearsMonths { get; set; }
    public bool? AllWorkersRegistered { get; set; }
    public bool? WagesReportedCorrectly { get; set; }
    public bool? UsesSipp { get; set; }
    public int? JmoUsers { get; set; }
    public decimal? NikValidatedPercent { get; set; }
    public int? VendorCount { get; set; }
    public int? VendorsRegistered { get; set; }
    public string? CsrDescription { get; set; }
    public decimal? CsrAmount { get; set; }
    public long? WorkforceBps { get; set; }
    public int? ProtectedPu { get; set; }
    public int? ProtectedBpu { get; set; }
    public int? NonAsnWorkers { get; set; }
    public int? NonAsnCovered { get; set; }
    public string? Summary { get; set; }

    // Protected groups a government reports that the nomination has no field for (shown to the committee, not accepted into it).
    public int? VillageOfficials { get; set; }
    public int? CustomaryOfficials { get; set; }
    public int? ReligiousWorkers { get; set; }
    public int? FarmersAndFishers { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
    public Guid? SubmittedBy { get; set; }
    public int Submissions { get; set; }
    public string? ReturnReason { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    /// <summary>The day by which a returned submission must be sent again (set by the committee when returning).</summary>
    public DateOnly? ResubmitBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public List<SelfAssessmentItem> Items { get; set; } = [];
    public List<SelfAssessmentDocument> Documents { get; set; } = [];

    /// <summary>The submitted figures as the nomination's figures (for <see cref="NominationFigures.ApplyTo"/>).</summary>
    public NominationFigures ToFigures() => new()
    {
        IsGovernment = IsGovernment,
        FiguresAsOf = FiguresAsOf,
        Workers = Workers,
        ParticipantsPu = ParticipantsPu,
        ParticipantsBpu = ParticipantsBpu,
        Programs = Programs,
        ArrearsMonths = ArrearsMonths,
        AllWorkersRegistered = AllWorkersRegistered,
        WagesReportedCorrectly = WagesReportedCorrectly,
        UsesSipp = UsesSipp,
        JmoUsers = JmoUsers,
        NikValidatedPercent = NikValidatedPercent,
        VendorCount = VendorCount,
        VendorsRegistered = VendorsRegistered,
        CsrDescription = CsrDescription,
        CsrAmount = CsrAmount,
        WorkforceBps = WorkforceBps,
        ProtectedPu = ProtectedPu,
        ProtectedBpu = ProtectedBpu,
        NonAsnWorkers = NonAsnWorkers,
        NonAsnCovered = NonAsnCovered,
        Summary = Summary,
    };

    /// <summary>Takes the figures typed by the representative (all of the form at once).</summary>
    public void SetFigures(NominationFigures f)
    {
        FiguresAsOf = f.FiguresAsOf;
        Workers = f.Workers;
        ParticipantsPu = f.ParticipantsPu;
        ParticipantsBpu = f.ParticipantsBpu;
        Programs = f.Programs;
        ArrearsMonths = f.ArrearsMonths;
        AllWorkersRegistered = f.AllWorkersRegistered;
        WagesReportedCorrectly = f.WagesReportedCorrectly;
        UsesSipp = f.UsesSipp;
        JmoUsers = f.JmoUsers;
        NikValidatedPercent = f.NikValidatedPercent;
        VendorCount = f.VendorCount;
        VendorsRegistered = f.VendorsRegistered;
        CsrDescription = NominationFigures.Blank(f.CsrDescription);
        CsrAmount = f.CsrAmount;
        WorkforceBps = f.WorkforceBps;
        ProtectedPu = f.ProtectedPu;
        ProtectedBpu = f.ProtectedBpu;
        NonAsnWorkers = f.NonAsnWorkers;
        NonAsnCovered = f.NonAsnCovered;
        Summary = NominationFigures.Blank(f.Summary);
        FiguresSaved = true;
    }
}

/// <summary>Where a self-assessment stands. Stored by name.</summary>
public enum SelfAssessmentStatus
{
    /// <summary>Being filled by the representative; the committee does not see it yet.</summary>
    Draft,
    /// <summary>Sent to the committee; the representative can no longer change it.</summary>
    Submitted,
    /// <summary>Sent back with reasons: the representative edits and sends it again.</summary>
    Returned,
    /// <summary>Some of its values were taken into the nomination; others wait.</summary>
    PartlyAccepted,
    /// <summary>Everything it offered was taken into the nomination (or nothing differed).</summary>
    Accepted,
}

/// <summary>One entry of a self-assessment's lists: a regulation, a budget line or an innovation (<see cref="Kind"/>).</summary>
public class SelfAssessmentItem
{
    public int Id { get; set; }
    public int SelfAssessmentId { get; set; }
    public SelfAssessmentItemKind Kind { get; set; }
    /// <summary>A regulation's type.</summary>
    public RegulationType? RegulationType { get; set; }
    /// <summary>A regulation's number.</summary>
    public string? Number { get; set; }
    /// <summary>A regulation's year, a budget's year, an innovation's first year.</summary>
    public int? Year { get; set; }
    /// <summary>A regulation's title, a budget line's purpose, an innovation's name.</summary>
    public required string Title { get; set; }
    /// <summary>An innovation's description.</summary>
    public string? Description { get; set; }
    /// <summary>A budget line's amount in Rupiah.</summary>
    public decimal? Amount { get; set; }
    /// <summary>A budget line's workers covered.</summary>
    public int? WorkersCovered { get; set; }
    /// <summary>A regulation's document (one of the self-assessment's documents).</summary>
    public Guid? DocumentId { get; set; }
    /// <summary>When a committee member took it into the nomination's list.</summary>
    public DateTimeOffset? AcceptedAt { get; set; }
}

public enum SelfAssessmentItemKind
{
    Regulation = 1,
    Budget = 2,
    Innovation = 3,
}

/// <summary>A document the representative uploaded (checked like every upload of the portal; the bytes in PostgreSQL).</summary>
public class SelfAssessmentDocument
{
    public Guid Id { get; set; }
    public int SelfAssessmentId { get; set; }
    /// <summary>What the document is, as the representative names it.</summary>
    public required string Title { get; set; }
    public required string FileName { get; set; }
    public FileKind Kind { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string StorageName { get; set; }
    public Guid UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
