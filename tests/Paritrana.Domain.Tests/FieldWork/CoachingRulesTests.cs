using Paritrana.Domain.Access;
using Paritrana.Domain.FieldWork;
using C = Paritrana.Domain.FieldWork.CoachingStatus;

namespace Paritrana.Domain.Tests.FieldWork;

public class CoachingRulesTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    [Theory]
    [InlineData(C.Open, true)]
    [InlineData(C.InProgress, true)]
    [InlineData(C.Resolved, false)]
    [InlineData(C.Waived, false)]
    public void Open_and_in_progress_items_count_as_open(C status, bool open) => CoachingRules.IsOpen(status).ShouldBe(open);

    [Theory]
    [InlineData(C.Open, "2025-06-14", true, 1)]
    [InlineData(C.InProgress, "2025-05-16", true, 30)]
    [InlineData(C.Open, "2025-06-15", false, 0)]   // due today is not overdue yet
    [InlineData(C.Open, "2025-07-01", false, 0)]
    [InlineData(C.Resolved, "2025-01-01", false, 0)]
    [InlineData(C.Waived, "2025-01-01", false, 0)]
    public void An_item_is_overdue_when_still_open_after_its_due_date(C status, string due, bool overdue, int days)
    {
        var dueDate = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture);
        CoachingRules.IsOverdue(status, dueDate, Today).ShouldBe(overdue);
        CoachingRules.DaysOverdue(status, dueDate, Today).ShouldBe(days);
    }

    [Fact]
    public void A_member_starts_and_resolves_an_item_with_a_note()
    {
        CoachingRules.Decide(C.Open, CoachingAction.Start, Roles.CommitteeMember, null).ShouldBe(new CoachingRules.Decision(true, C.InProgress, null));
        CoachingRules.Decide(C.InProgress, CoachingAction.Resolve, Roles.CommitteeMember, "Semua pekerja sudah didaftarkan")
            .ShouldBe(new CoachingRules.Decision(true, C.Resolved, null));
        CoachingRules.Decide(C.Open, CoachingAction.Resolve, Roles.CommitteeChair, "ok").Allowed.ShouldBeTrue();
    }

    [Fact]
    public void Resolving_needs_a_note()
    {
        CoachingRules.Decide(C.Open, CoachingAction.Resolve, Roles.CommitteeMember, " ")
            .ShouldBe(new CoachingRules.Decision(false, default, "Catatan penyelesaian wajib diisi."));
    }

    [Fact]
    public void Only_the_chair_waives_and_only_with_a_reason()
    {
        CoachingRules.Decide(C.Open, CoachingAction.Waive, Roles.CommitteeMember, "tidak relevan")
            .ShouldBe(new CoachingRules.Decision(false, default, "Hanya Ketua Tim Panitia yang dapat mengesampingkan butir pembinaan."));
        CoachingRules.Decide(C.Open, CoachingAction.Waive, Roles.BranchOfficer, "tidak relevan").Allowed.ShouldBeFalse();
        CoachingRules.Decide(C.InProgress, CoachingAction.Waive, Roles.CommitteeChair, "")
            .ShouldBe(new CoachingRules.Decision(false, default, "Alasan pengesampingan wajib diisi."));
        CoachingRules.Decide(C.InProgress, CoachingAction.Waive, Roles.CommitteeChair, "Tidak berlaku untuk usaha mikro")
            .ShouldBe(new CoachingRules.Decision(true, C.Waived, null));
    }

    [Fact]
    public void Branch_officers_and_administrators_do_not_coach()
    {
        CoachingRules.Decide(C.Open, CoachingAction.Start, Roles.BranchOfficer, null)
            .ShouldBe(new CoachingRules.Decision(false, default, "Peran Anda tidak berwenang melakukan langkah ini."));
        CoachingRules.Decide(C.Open, CoachingAction.Resolve, Roles.Administrator, "catatan").Allowed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(C.Resolved, CoachingAction.Resolve)]
    [InlineData(C.Waived, CoachingAction.Waive)]
    [InlineData(C.InProgress, CoachingAction.Start)]
    [InlineData(C.Open, CoachingAction.Reopen)]
    public void Steps_that_do_not_fit_the_status_are_refused(C status, CoachingAction action) =>
        CoachingRules.Decide(status, action, Roles.CommitteeChair, "teks")
            .ShouldBe(new CoachingRules.Decision(false, default, "Langkah ini tidak dapat dilakukan pada status butir pembinaan saat ini."));

    [Fact]
    public void The_chair_reopens_a_closed_item()
    {
        CoachingRules.Decide(C.Waived, CoachingAction.Reopen, Roles.CommitteeChair, null).ShouldBe(new CoachingRules.Decision(true, C.Open, null));
        CoachingRules.Decide(C.Resolved, CoachingAction.Reopen, Roles.CommitteeMember, null).Allowed.ShouldBeFalse();
    }
}
