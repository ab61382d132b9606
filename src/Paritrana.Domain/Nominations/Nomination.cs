using Paritrana.Domain.Access;
using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Nominations;

/// <summary>
/// An organisation proposed in a category of a cycle (one per organisation and cycle), with the
/// figures the committee assesses. Its status moves only through <see cref="NominationWorkflow"/>.
/// </summary>
public class Nomination : IRegionBound
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int CategoryId { get; set; }
    public int OrganisationId { get; set; }
    /// <summary>Copied from the organisation so that scoped queries need no join.</summary>
    public required string ProvinceCode { get; set; }
    public string? RegencyCode { get; set; }
    /// <summary>The BPJamsostek branch office that verifies the figures.</summary>
    public int? BranchOfficeId { get; set; }
    public NominationStatus Status { get; set; } = NominationStatus.Draft;
    public string? Summary { get; set; }

    // Employer figures (prefilled from the latest import)
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

    // Government figures
    public long? WorkforceBps { get; set; }
    public int? ProtectedPu { get; set; }
    public int? ProtectedBpu { get; set; }
    public int? NonAsnWorkers { get; set; }
    public int? NonAsnCovered { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }
    public Guid? VerifiedBy { get; set; }
    public string? LastReturnReason { get; set; }

    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public Organisation? Organisation { get; set; }
    public Cycles.Category? Category { get; set; }
    public List<GovernmentRegulation> Regulations { get; set; } = [];
    public List<BudgetAllocation> Budgets { get; set; } = [];
    public List<Innovation> Innovations { get; set; } = [];
    public List<StatusChange> StatusChanges { get; set; } = [];

    /// <summary>Employers: (PU + BPU) / workers. Governments: (protected PU + BPU) / BPS workforce.</summary>
    public decimal? CoveragePercentage => WorkforceBps is not null
        ? Coverage.Percentage((long?)ProtectedPu + ProtectedBpu, WorkforceBps)
        : Coverage.Percentage((long?)ParticipantsPu + ParticipantsBpu, Workers);
}

/// <summary>A regulation a government issued to protect workers (Perda, Pergub, ...).</summary>
public class GovernmentRegulation
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public RegulationType Type { get; set; }
    public required string Number { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    /// <summary>The evidence file, once file uploads exist (issue 4).</summary>
    public Guid? DocumentId { get; set; }
}

public enum RegulationType
{
    Perda = 1,
    Pergub = 2,
    Perbup = 3,
    Perwali = 4,
    SuratEdaran = 5,
    KeputusanKepalaDaerah = 6,
    Other = 9,
}

/// <summary>Regional budget (APBD) for protecting non-ASN and vulnerable workers in one year.</summary>
public class BudgetAllocation
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public int Year { get; set; }
    /// <summary>Rupiah, stored as numeric(18,2).</summary>
    public decimal Amount { get; set; }
    public required string Purpose { get; set; }
    public int? WorkersCovered { get; set; }
}

/// <summary>An innovation of a government in protecting workers.</summary>
public class Innovation
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int? Year { get; set; }
}

/// <summary>One recorded transition of a nomination: who, when, from, to, why.</summary>
public class StatusChange
{
    public long Id { get; set; }
    public int NominationId { get; set; }
    public NominationStatus From { get; set; }
    public NominationStatus To { get; set; }
    public NominationAction Action { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
}
