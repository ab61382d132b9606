using Paritrana.Domain.National;
using static Paritrana.Domain.National.InterviewClashes;

namespace Paritrana.Domain.Tests.National;

public class InterviewClashesTests
{
    private static readonly Guid Ani = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Budi = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly Guid Citra = Guid.Parse("00000000-0000-0000-0000-0000000000c3");

    // 22 April 2024, 09:00 WIB = 02:00 UTC.
    private static DateTimeOffset At(int hour, int minute = 0) => new(2024, 4, 22, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_juror_in_an_interview_that_overlaps_by_one_minute_clashes()
    {
        // 09:00–10:00 and 09:59–10:29: one minute in common.
        var existing = new Slot(7, 100, At(9), 60, [Ani, Budi]);
        var proposed = new Slot(0, 200, At(9, 59), 30, [Citra, Budi]);
        Find(proposed, [existing]).ShouldBe([new Clash(ClashKind.JurorTwice, 7, Budi)]);
    }

    [Fact]
    public void Back_to_back_interviews_do_not_clash()
    {
        // 09:00–10:00, then 10:00–10:45 with the same jurors: the first ends as the second begins.
        var existing = new Slot(7, 100, At(9), 60, [Ani, Budi]);
        Find(new Slot(0, 200, At(10), 45, [Ani, Budi]), [existing]).ShouldBeEmpty();
        // And one that ends as the existing begins.
        Find(new Slot(0, 200, At(8, 15), 45, [Ani]), [existing]).ShouldBeEmpty();
    }

    [Fact]
    public void The_same_time_with_other_jurors_does_not_clash()
    {
        var existing = new Slot(7, 100, At(9), 60, [Ani]);
        Find(new Slot(0, 200, At(9), 60, [Budi, Citra]), [existing]).ShouldBeEmpty();
    }

    [Fact]
    public void A_candidate_interviewed_twice_clashes_whatever_the_time_and_each_busy_juror_is_named()
    {
        var morning = new Slot(7, 100, At(9), 60, [Ani]);
        var noon = new Slot(8, 300, At(12), 60, [Budi]);
        // Candidate 100 again at 12:30 with Ani (free then) and Budi (at interview 8 until 13:00).
        Find(new Slot(0, 100, At(12, 30), 30, [Ani, Budi]), [morning, noon]).ShouldBe(
        [
            new Clash(ClashKind.CandidateTwice, 7, null),
            new Clash(ClashKind.JurorTwice, 8, Budi),
        ]);
    }

    [Fact]
    public void A_change_is_not_compared_with_the_interview_it_changes()
    {
        var existing = new Slot(7, 100, At(9), 60, [Ani]);
        // Interview 7 moved half an hour later: same candidate, same juror, overlapping its old time.
        Find(new Slot(7, 100, At(9, 30), 60, [Ani]), [existing]).ShouldBeEmpty();
    }
}
