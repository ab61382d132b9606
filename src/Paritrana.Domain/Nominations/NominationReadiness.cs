using Paritrana.Domain.Cycles;

namespace Paritrana.Domain.Nominations;

/// <summary>
/// What a nomination must carry before it goes to the branch office for verification: the figures
/// the coverage percentage is computed from. A government nomination created a moment ago has
/// none; an employer's are prefilled from the import when there is one.
/// </summary>
public static class NominationReadiness
{
    public static bool HasCoverageFigures(Nomination nomination, CategoryKind kind) =>
        kind.IsGovernment()
            ? nomination.WorkforceBps is not null && nomination.ProtectedPu is not null && nomination.ProtectedBpu is not null
            : nomination.FiguresAsOf is not null && nomination.Workers is not null && nomination.ParticipantsPu is not null && nomination.ParticipantsBpu is not null;
}
