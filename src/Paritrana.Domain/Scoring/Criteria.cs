namespace Paritrana.Domain.Scoring;

/// <summary>
/// The weighted criteria of one category in one cycle: aspects (weights adding up to 100) with
/// indicators (weights adding up to 100 within their aspect). Once scoring has started a set is
/// locked; changing it makes a new version, and existing scorecards keep the version they used.
/// </summary>
public class CriteriaSet
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int CategoryId { get; set; }
    /// <summary>Whose criteria: the provinces' (every province of the cycle) or the national jury's (docs/decisions/043).</summary>
    public ScoringStage Stage { get; set; } = ScoringStage.Provincial;
    public int VersionNumber { get; set; } = 1;
    public bool IsLocked { get; set; }
    /// <summary>The newest version is the one new scorecards use.</summary>
    public bool IsCurrent { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
    public List<Aspect> Aspects { get; set; } = [];
}

/// <summary>An aspect of assessment, e.g. "Regulasi" or "Kepatuhan", with its weight in percent.</summary>
public class Aspect
{
    public int Id { get; set; }
    public int CriteriaSetId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public decimal Weight { get; set; }
    public int SortOrder { get; set; }
    public List<Indicator> Indicators { get; set; } = [];
}

/// <summary>An indicator within an aspect, scored on its scale, with a rubric and evidence guidance.</summary>
public class Indicator
{
    public int Id { get; set; }
    public int AspectId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public decimal Weight { get; set; }
    public ScaleKind Scale { get; set; }
    public int SortOrder { get; set; }
    public string? EvidenceGuidance { get; set; }
    /// <summary>For the 1–5 scale: what each level means.</summary>
    public string? Rubric1 { get; set; }
    public string? Rubric2 { get; set; }
    public string? Rubric3 { get; set; }
    public string? Rubric4 { get; set; }
    public string? Rubric5 { get; set; }
}

/// <summary>The stage a criteria set is for (stored as a number: do not renumber).</summary>
public enum ScoringStage
{
    /// <summary>The provincial committees' rounds.</summary>
    Provincial = 1,

    /// <summary>The national jury's rounds (<c>NationalStage.Code</c>).</summary>
    National = 2,
}

public enum ScaleKind
{
    /// <summary>A score from 0 to 100.</summary>
    Percent = 1,
    /// <summary>A level from 1 to 5, each with a rubric text.</summary>
    Levels = 2,
}
