using Paritrana.Domain.Candidates;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Tests.Candidates;

/// <summary>The self-assessment's comparison, acceptance and deadline rules (docs/decisions/051).</summary>
public class SelfAssessmentRulesTests
{
    private static readonly NominationFigures Recorded = new()
    {
        FiguresAsOf = new DateOnly(2025, 12, 31), Workers = 200, ParticipantsPu = 150, ParticipantsBpu = 20, Programs = Programs.Jkk | Programs.Jkm,
        ArrearsMonths = 1, VendorCount = 10, VendorsRegistered = 5, Summary = "catatan panitia",
    };

    private static readonly NominationFigures Submitted = Recorded with
    {
        Workers = 240, ParticipantsPu = 180, ParticipantsBpu = 60, Programs = Programs.All, ArrearsMonths = null, VendorsRegistered = 9, Summary = null,
    };

    [Fact]
    public void Only_given_and_different_values_are_offered_for_acceptance()
    {
        var differs = SelfAssessmentRules.Compare(Recorded, Submitted).Where(c => c.Differs).Select(c => c.Figure.Key).ToList();

        // Arrears and summary left blank by the candidate are not offered; the government figures are not the employer's.
        differs.ShouldBe(["Workers", "ParticipantsPu", "ParticipantsBpu", "Programs", "VendorsRegistered"]);
    }

    [Fact]
    public void Accepting_one_value_takes_that_value_alone()
    {
        var merged = SelfAssessmentRules.Merge(Recorded, Submitted, ["VendorsRegistered"]);

        merged.ShouldBe(Recorded with { VendorsRegistered = 9 });
    }

    [Fact]
    public void Accepting_all_takes_every_differing_value_and_keeps_what_the_candidate_left_blank()
    {
        var merged = SelfAssessmentRules.Merge(Recorded, Submitted, null);

        merged.ShouldBe(Recorded with { Workers = 240, ParticipantsPu = 180, ParticipantsBpu = 60, Programs = Programs.All, VendorsRegistered = 9 });
        merged.ArrearsMonths.ShouldBe(1);
        merged.Summary.ShouldBe("catatan panitia");
    }

    [Fact]
    public void An_unknown_key_or_a_key_of_the_other_kind_changes_nothing()
    {
        SelfAssessmentRules.Merge(Recorded, Submitted with { WorkforceBps = 5 }, ["WorkforceBps", "Nope"]).ShouldBe(Recorded);
    }

    [Fact]
    public void Accepting_participants_alone_that_no_longer_fit_the_recorded_workers_is_inconsistent()
    {
        // 180 + 60 = 240 participants against the 200 recorded workers.
        var merged = SelfAssessmentRules.Merge(Recorded, Submitted, ["ParticipantsPu", "ParticipantsBpu"]);

        SelfAssessmentRules.Inconsistency(merged).ShouldBe("ParticipantsPu");
        SelfAssessmentRules.Inconsistency(SelfAssessmentRules.Merge(Recorded, Submitted, null)).ShouldBeNull();
    }

    [Fact]
    public void Accepted_applies_through_the_nominations_own_update()
    {
        var n = new Nomination { ProvinceCode = "51", Workers = 200, ParticipantsPu = 150, ParticipantsBpu = 20, FiguresAsOf = Recorded.FiguresAsOf, Programs = Recorded.Programs, ArrearsMonths = 1, VendorCount = 10, VendorsRegistered = 5, Summary = "catatan panitia" };

        var changes = SelfAssessmentRules.Merge(SelfAssessmentRules.Recorded(n, false), Submitted, ["Workers"]).ApplyTo(n);

        changes.ShouldBe(["workers: 200 -> 240"]);
        n.Workers.ShouldBe(240);
        n.ParticipantsPu.ShouldBe(150);
    }

    [Theory]
    // The deadline's day itself still counts; the day after it is refused.
    [InlineData(SelfAssessmentStatus.Draft, "2026-03-31", null, "2026-03-31", null)]
    [InlineData(SelfAssessmentStatus.Draft, "2026-03-31", null, "2026-04-01", SubmitRefusal.DeadlinePassed)]
    // After a return, the committee's date replaces the stage's end.
    [InlineData(SelfAssessmentStatus.Returned, "2026-03-31", "2026-05-10", "2026-05-10", null)]
    [InlineData(SelfAssessmentStatus.Returned, "2026-03-31", "2026-05-10", "2026-05-11", SubmitRefusal.DeadlinePassed)]
    // No schedule: no deadline.
    [InlineData(SelfAssessmentStatus.Draft, null, null, "2030-01-01", null)]
    [InlineData(SelfAssessmentStatus.Submitted, "2026-03-31", null, "2026-03-01", SubmitRefusal.NotEditable)]
    [InlineData(SelfAssessmentStatus.Accepted, "2026-03-31", null, "2026-03-01", SubmitRefusal.NotEditable)]
    public void Submitting_is_refused_after_the_deadline(SelfAssessmentStatus status, string? stageEnds, string? resubmitBy, string today, SubmitRefusal? expected)
    {
        var s = new SelfAssessment { ProvinceCode = "51", Status = status, FiguresSaved = true, ResubmitBy = resubmitBy is null ? null : DateOnly.Parse(resubmitBy, System.Globalization.CultureInfo.InvariantCulture) };

        SelfAssessmentRules.CanSubmit(s, stageEnds is null ? null : DateOnly.Parse(stageEnds, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(expected);
    }

    [Fact]
    public void Submitting_without_saved_figures_is_refused()
    {
        SelfAssessmentRules.CanSubmit(new SelfAssessment { ProvinceCode = "51" }, null, new DateOnly(2026, 1, 1)).ShouldBe(SubmitRefusal.FiguresMissing);
    }

    [Fact]
    public void It_is_accepted_once_nothing_differs_and_every_entry_is_taken()
    {
        var items = new List<SelfAssessmentItem> { new() { Title = "Perwali", AcceptedAt = DateTimeOffset.UnixEpoch } };
        SelfAssessmentRules.AfterAcceptance(SelfAssessmentRules.Compare(Submitted, Submitted), items).ShouldBe(SelfAssessmentStatus.Accepted);
        SelfAssessmentRules.AfterAcceptance(SelfAssessmentRules.Compare(Recorded, Submitted), items).ShouldBe(SelfAssessmentStatus.PartlyAccepted);
        items.Add(new SelfAssessmentItem { Title = "APBD" });
        SelfAssessmentRules.AfterAcceptance(SelfAssessmentRules.Compare(Submitted, Submitted), items).ShouldBe(SelfAssessmentStatus.PartlyAccepted);
    }
}
