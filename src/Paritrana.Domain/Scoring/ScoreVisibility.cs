namespace Paritrana.Domain.Scoring;

/// <summary>
/// Who is looking at scores: a person, to whom <see cref="ScoreVisibility"/> applies, or the
/// system itself (<see cref="Official"/>: the plenary decision and what it freezes), which sees
/// every figure.
/// </summary>
public sealed class ScoreViewer
{
    private ScoreViewer(Guid? personId) => PersonId = personId;

    public static ScoreViewer Official { get; } = new(null);

    public static ScoreViewer Person(Guid id) => new(id);

    /// <summary>The person's account id; null for the official computation.</summary>
    public Guid? PersonId { get; }

    public bool IsOfficial => PersonId is null;
}

/// <summary>Why figures are withheld from the viewer.</summary>
public enum HiddenReason
{
    /// <summary>Nothing is withheld.</summary>
    None = 0,

    /// <summary>The viewer still holds an unsubmitted card for the nomination in a round that is not closed.</summary>
    OwnCardNotSubmitted = 1,

    /// <summary>The viewer declared a conflict of interest with the nomination.</summary>
    Conflict = 2,
}

/// <summary>
/// One of the viewer's assignments: the round, the nomination, the round's status and the state of
/// the viewer's card (null: assigned, no card yet). Loaders may leave out assignments whose card is
/// submitted: they never hide anything.
/// </summary>
public sealed record OwnAssignment(int RoundId, int NominationId, RoundStatus RoundStatus, ScorecardStatus? CardStatus);

/// <summary>
/// The rule of who sees whose scores (docs/decisions/010-score-visibility.md), for one viewer in one
/// cycle and province:
/// <list type="bullet">
/// <item>whoever holds an unsubmitted card (assigned but not started, draft, or reopened) for a
/// nomination in a round that is not closed sees no other card of that nomination in that round, nor
/// anything computed from them: the round score, and the nomination's total, rank, tie, z-score,
/// spread, aspect scores, strengths and comments. This part follows the cycle's setting "hide
/// others' scores until one's own card is submitted" (on by default). A closed round is final: an
/// unsubmitted card in it hides nothing;</item>
/// <item>a scorer who declared a conflict of interest with a nomination sees none of its scores, in
/// any round, whatever the setting;</item>
/// <item>everyone else with access sees them; so does the official computation. The chair is not
/// exempt. One's own card is always one's own to see.</item>
/// </list>
/// A rank compares a nomination with every other of its category, so one hidden nomination
/// withholds the ranks, ties and default finalists of its whole category (<see cref="WithholdsRanks"/>);
/// hidden nominations are listed after the others, by name (<see cref="Arrange{T}"/>).
/// </summary>
public sealed class ScoreVisibility
{
    private readonly HashSet<int> _conflicts;
    private readonly HashSet<(int RoundId, int NominationId)> _unfinished;
    private readonly HashSet<int> _unfinishedNominations;

    private ScoreVisibility(Guid? viewerId, HashSet<int> conflicts, HashSet<(int, int)> unfinished)
    {
        ViewerId = viewerId;
        _conflicts = conflicts;
        _unfinished = unfinished;
        _unfinishedNominations = unfinished.Select(u => u.Item2).ToHashSet();
    }

    /// <summary>No restriction: the official computation, which sees every figure.</summary>
    public static ScoreVisibility Official { get; } = new(null, [], []);

    /// <summary>The rule applied to a person, from their assignments and conflict declarations in the cycle.</summary>
    public static ScoreVisibility For(Guid viewerId, bool hideOthersUntilSubmitted, IEnumerable<OwnAssignment> assignments, IEnumerable<int> conflictedNominations)
    {
        var unfinished = hideOthersUntilSubmitted
            ? assignments.Where(a => a.CardStatus != ScorecardStatus.Submitted && a.RoundStatus != RoundStatus.Closed)
                .Select(a => (a.RoundId, a.NominationId))
                .ToHashSet()
            : [];
        return new ScoreVisibility(viewerId, conflictedNominations.ToHashSet(), unfinished);
    }

    /// <summary>The viewer's account; null for the official computation.</summary>
    public Guid? ViewerId { get; }

    /// <summary>Whether anything at all is withheld from this viewer.</summary>
    public bool HidesAny => _conflicts.Count > 0 || _unfinished.Count > 0;

    /// <summary>The nominations the viewer declared a conflict with (hidden in every round).</summary>
    public IReadOnlyCollection<int> ConflictedNominations => _conflicts;

    /// <summary>The rounds of nominations in which the viewer's own card is unfinished (others' cards hidden there).</summary>
    public IReadOnlyCollection<(int RoundId, int NominationId)> UnfinishedRounds => _unfinished;

    /// <summary>Why the other scorers' cards of a nomination in a round, and its round score there, are withheld.</summary>
    public HiddenReason Round(int roundId, int nominationId) =>
        _conflicts.Contains(nominationId) ? HiddenReason.Conflict
        : _unfinished.Contains((roundId, nominationId)) ? HiddenReason.OwnCardNotSubmitted
        : HiddenReason.None;

    /// <summary>
    /// Why the figures that combine a nomination's rounds (total, rank, tie, z-score, disagreement,
    /// aspect scores, strengths) are withheld: a conflict, or any round withheld.
    /// </summary>
    public HiddenReason Nomination(int nominationId) =>
        _conflicts.Contains(nominationId) ? HiddenReason.Conflict
        : _unfinishedNominations.Contains(nominationId) ? HiddenReason.OwnCardNotSubmitted
        : HiddenReason.None;

    /// <summary>Whether the viewer may see one submitted card: their own always, another's where its round is not withheld.</summary>
    public bool SeesCard(int roundId, int nominationId, Guid scorerId) =>
        scorerId == ViewerId || Round(roundId, nominationId) == HiddenReason.None;

    /// <summary>Whether the ranks, ties and default finalists of a category are withheld: some nomination of it is hidden.</summary>
    public bool WithholdsRanks(IEnumerable<int> categoryNominationIds) =>
        HidesAny && categoryNominationIds.Any(id => Nomination(id) != HiddenReason.None);

    /// <summary>
    /// The order in which a category is shown: the visible nominations in the official order (their
    /// order among themselves depends on their own figures only), then the hidden ones by name, so
    /// that where a hidden nomination stands reveals nothing.
    /// </summary>
    public IReadOnlyList<T> Arrange<T>(IReadOnlyList<T> officialOrder, Func<T, int> nominationId, Func<T, string> name)
    {
        if (!HidesAny)
        {
            return officialOrder;
        }

        var visible = officialOrder.Where(r => Nomination(nominationId(r)) == HiddenReason.None);
        var hidden = officialOrder.Where(r => Nomination(nominationId(r)) != HiddenReason.None)
            .OrderBy(name, StringComparer.OrdinalIgnoreCase).ThenBy(nominationId);
        return visible.Concat(hidden).ToList();
    }

    /// <summary>One number for a (round, nomination) pair, as the query filter compares them in SQL.</summary>
    public static long Key(int roundId, int nominationId) => (roundId * 4294967296L) + nominationId;
}
