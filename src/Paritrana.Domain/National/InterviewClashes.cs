namespace Paritrana.Domain.National;

/// <summary>
/// The two clashes of the interview schedule (issue 17, point 3): one candidate interviewed twice in a
/// cycle, and one juror in two interviews whose times overlap. A cancelled interview clashes with
/// nothing; an interview that ends when another begins does not overlap it.
/// </summary>
public static class InterviewClashes
{
    /// <summary>An interview as the rule needs it.</summary>
    public sealed record Slot(int Id, int NominationId, DateTimeOffset StartsAt, int DurationMinutes, IReadOnlyCollection<Guid> Jurors)
    {
        public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);
    }

    /// <summary>What clashes, and with which interview.</summary>
    public sealed record Clash(ClashKind Kind, int OtherId, Guid? JurorId);

    public enum ClashKind
    {
        /// <summary>The candidate already has an interview in this cycle.</summary>
        CandidateTwice = 1,

        /// <summary>A juror sits in another interview at an overlapping time.</summary>
        JurorTwice = 2,
    }

    /// <summary>Whether two half-open periods [start, end) overlap.</summary>
    public static bool Overlap(DateTimeOffset aStart, DateTimeOffset aEnd, DateTimeOffset bStart, DateTimeOffset bEnd) =>
        aStart < bEnd && bStart < aEnd;

    /// <summary>
    /// The clashes of <paramref name="proposed"/> (a new interview has Id 0; a change keeps its Id and is
    /// not compared with itself) with the other scheduled interviews of the cycle, candidate first, then
    /// each juror in the order of <paramref name="proposed"/>'s jurors.
    /// </summary>
    public static IReadOnlyList<Clash> Find(Slot proposed, IEnumerable<Slot> scheduled)
    {
        var others = scheduled.Where(s => s.Id != proposed.Id).ToList();
        var clashes = new List<Clash>();
        if (others.FirstOrDefault(s => s.NominationId == proposed.NominationId) is { } twice)
        {
            clashes.Add(new Clash(ClashKind.CandidateTwice, twice.Id, null));
        }

        foreach (var juror in proposed.Jurors.Distinct())
        {
            if (others.FirstOrDefault(s => s.Jurors.Contains(juror) && Overlap(proposed.StartsAt, proposed.EndsAt, s.StartsAt, s.EndsAt)) is { } busy)
            {
                clashes.Add(new Clash(ClashKind.JurorTwice, busy.Id, juror));
            }
        }

        return clashes;
    }
}
