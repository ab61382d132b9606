using Paritrana.Domain.Auditing;

namespace Paritrana.Domain.Tests.Auditing;

public class AuditDetailsTests
{
    [Fact]
    public void Values_are_kept_in_order_without_the_null_ones_and_read_by_name()
    {
        var details = AuditDetails.Of(("nomination", "7"), ("visit", null), ("due", "2026-12-31"), (null, "summary"));

        details.Entries.ShouldBe([new AuditDetail("nomination", "7"), new AuditDetail("due", "2026-12-31"), new AuditDetail(null, "summary")]);
        details["due"].ShouldBe("2026-12-31");
        details["visit"].ShouldBeNull();
        details.ToString().ShouldBe("nomination: 7; due: 2026-12-31; summary");
    }

    [Fact]
    public void More_values_follow_and_several_texts_each_stay_one_entry()
    {
        AuditDetails.Of(("year", "2060")).And(("code", "PEMPROV"), ("missing", null)).ToString().ShouldBe("year: 2060; code: PEMPROV");
        var changes = AuditDetails.Texts(["notes: '' -> 'a; b'", "Nomination: - -> 2090-01-06..2090-03-31"]);
        changes.Entries.Count.ShouldBe(2);
        changes.ToString().ShouldBe("notes: '' -> 'a; b'; Nomination: - -> 2090-01-06..2090-03-31");
        AuditDetails.Text("not a winner").Entries.ShouldBe([new AuditDetail(null, "not a winner")]);
    }

    [Fact]
    public void Details_are_equal_when_their_entries_are()
    {
        AuditDetails.Of(("a", "1"), ("b", "2")).ShouldBe(AuditDetails.Of(("a", "1"), ("b", "2")));
        AuditDetails.Of(("a", "1"), ("b", "2")).ShouldNotBe(AuditDetails.Of(("b", "2"), ("a", "1")));
        AuditDetails.Of(("a", "1")).GetHashCode().ShouldBe(AuditDetails.Of(("a", "1")).GetHashCode());
    }
}
