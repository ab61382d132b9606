namespace Paritrana.Domain.Cycles;

/// <summary>
/// One year of the award (for example 2025). It assesses the previous calendar year, has stage
/// dates, and is closed (read-only except for the administrator) once its results are in.
/// </summary>
public class AwardCycle
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string? Notes { get; set; }
    public bool IsCurrent { get; set; }
    public bool IsClosed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
    public List<CycleStage> Stages { get; set; } = [];
    public List<Category> Categories { get; set; } = [];

    /// <summary>The assessment period: 1 January to 31 December of the previous year.</summary>
    public DateOnly AssessmentStart => new(Year - 1, 1, 1);

    public DateOnly AssessmentEnd => new(Year - 1, 12, 31);

    /// <summary>Whether a user of the given role may change this cycle's data.</summary>
    public bool IsEditableBy(string role) => !IsClosed || role == Access.Roles.Administrator;
}

/// <summary>The dates of one stage of a cycle.</summary>
public class CycleStage
{
    public int CycleId { get; set; }
    public StageKind Stage { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
}

/// <summary>
/// A province's own dates for one stage of a cycle, within the cycle's dates of that stage
/// (<see cref="StageCalendar.CheckWithinCycle"/>); a stage without a row follows the cycle's dates.
/// </summary>
public class ProvinceStage : Access.IRegionBound
{
    public int CycleId { get; set; }
    public required string ProvinceCode { get; set; }
    public StageKind Stage { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>A province's schedule belongs to the whole province.</summary>
    public string? RegencyCode => null;
}

/// <summary>The stages of an award cycle, in order.</summary>
public enum StageKind
{
    Nomination = 1,
    Verification = 2,
    FieldAssessment = 3,
    Scoring = 4,
    Plenary = 5,
    Forwarding = 6,
}
