namespace Paritrana.Domain.Scoring;

/// <summary>One scorer assigned to (or in conflict with) one nomination.</summary>
public readonly record struct NominationScorer(int NominationId, Guid ScorerId);

/// <summary>A nomination that did not get all the scorers it needed, and how many it lacks.</summary>
public sealed record Shortfall(int NominationId, int Missing);

/// <summary>What the balancer decided: the new assignments and the nominations left short.</summary>
public sealed record BalanceResult(IReadOnlyList<NominationScorer> Assigned, IReadOnlyList<Shortfall> Shortfalls);

/// <summary>
/// Balanced automatic assignment of scorers to the nominations of a round (issue 5):
/// <list type="bullet">
/// <item>each nomination gets <c>scorersPerNomination</c> scorers, counting those it already has;</item>
/// <item>a scorer with a declared conflict with a nomination is never assigned to it;</item>
/// <item>a scorer never goes above <c>loadCap</c> assignments in the round (existing ones count);</item>
/// <item>among the scorers still allowed, the least loaded is taken first (ties: the order the
/// scorers were given in), so loads stay as even as the conflicts allow;</item>
/// <item>nominations with the fewest eligible scorers are served first (ties: the order given),
/// so a heavily conflicted nomination is not left with nobody because others used up the cap.</item>
/// </list>
/// What could not be assigned is reported, never silently dropped. Deterministic: the same input
/// gives the same assignments.
/// </summary>
public static class AssignmentBalancer
{
    /// <param name="nominations">The nominations to serve, in the order to prefer on ties.</param>
    /// <param name="scorers">The scorers to choose from, in the order to prefer on equal loads.</param>
    /// <param name="scorersPerNomination">How many scorers each nomination should have (k).</param>
    /// <param name="loadCap">The most assignments any scorer may have in the round.</param>
    /// <param name="existing">Every assignment the round already has (of any nomination): they count towards loads and k.</param>
    /// <param name="conflicts">Declared conflicts of interest.</param>
    public static BalanceResult Balance(
        IReadOnlyList<int> nominations,
        IReadOnlyList<Guid> scorers,
        int scorersPerNomination,
        int loadCap,
        IReadOnlyCollection<NominationScorer> existing,
        IReadOnlyCollection<NominationScorer> conflicts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scorersPerNomination);
        ArgumentOutOfRangeException.ThrowIfNegative(loadCap);

        var order = new Dictionary<Guid, int>();
        foreach (var scorer in scorers)
        {
            order.TryAdd(scorer, order.Count);
        }

        var load = order.Keys.ToDictionary(s => s, _ => 0);
        var taken = new HashSet<NominationScorer>(existing);
        foreach (var pair in existing)
        {
            if (load.TryGetValue(pair.ScorerId, out var count))
            {
                load[pair.ScorerId] = count + 1;
            }
        }

        var conflicted = new HashSet<NominationScorer>(conflicts);
        var distinctNominations = nominations.Distinct().ToList();
        var existingByNomination = existing.GroupBy(e => e.NominationId).ToDictionary(g => g.Key, g => g.Count());
        var has = distinctNominations.ToDictionary(n => n, n => existingByNomination.GetValueOrDefault(n));

        // Most constrained first: the fewest scorers who could take it at all.
        var queue = distinctNominations
            .Select((n, index) => (Nomination: n, Index: index, Eligible: order.Keys.Count(s => !conflicted.Contains(new(n, s)) && !taken.Contains(new(n, s)))))
            .OrderBy(x => x.Eligible)
            .ThenBy(x => x.Index)
            .Select(x => x.Nomination)
            .ToList();

        var assigned = new List<NominationScorer>();
        var shortfalls = new List<Shortfall>();
        foreach (var nomination in queue)
        {
            var needed = scorersPerNomination - has[nomination];
            if (needed <= 0)
            {
                continue;
            }

            var chosen = order.Keys
                .Where(s => load[s] < loadCap && !conflicted.Contains(new(nomination, s)) && !taken.Contains(new(nomination, s)))
                .OrderBy(s => load[s])
                .ThenBy(s => order[s])
                .Take(needed)
                .ToList();
            foreach (var scorer in chosen)
            {
                var pair = new NominationScorer(nomination, scorer);
                assigned.Add(pair);
                taken.Add(pair);
                load[scorer]++;
            }

            if (chosen.Count < needed)
            {
                shortfalls.Add(new Shortfall(nomination, needed - chosen.Count));
            }
        }

        // Reported in the order the nominations were given, which is how a person reads the list.
        var position = distinctNominations.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        return new BalanceResult(
            assigned.OrderBy(a => position[a.NominationId]).ThenBy(a => order[a.ScorerId]).ToList(),
            shortfalls.OrderBy(s => position[s.NominationId]).ToList());
    }

    /// <summary>How many scorers per nomination the award prefers.</summary>
    public const int PreferredScorersPerNomination = 3;

    /// <summary>
    /// The scorers per nomination to propose: the preferred 3, or all of the province's committee
    /// when it has fewer (Bali's has 2): a proposal the committee can always meet.
    /// </summary>
    public static int ProposedScorersPerNomination(int scorers) => Math.Clamp(scorers, 1, PreferredScorersPerNomination);

    /// <summary>The load cap to propose: the even spread (<see cref="EvenCap"/>), at least 1 so that the proposal is a valid cap even before any nomination is ready.</summary>
    public static int ProposedCap(int nominations, int scorersPerNomination, int scorers) =>
        Math.Max(1, EvenCap(nominations, scorersPerNomination, scorers));

    /// <summary>The cap that spreads <paramref name="nominations"/> × k evenly over the scorers (rounded up).</summary>
    public static int EvenCap(int nominations, int scorersPerNomination, int scorers) =>
        scorers <= 0 ? 0 : ((nominations * scorersPerNomination) + scorers - 1) / scorers;
}
