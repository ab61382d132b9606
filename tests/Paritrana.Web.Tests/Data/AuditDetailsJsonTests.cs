using Paritrana.Domain.Auditing;
using Paritrana.Web.Data.Configuration;

namespace Paritrana.Web.Tests.Data;

/// <summary>
/// Audit details are data (docs/decisions/027): a free text is one value whatever it contains. With
/// the old "key: value; " text a reason holding "; to: ..." before the real "to" was read back as
/// that "to", and the reason was cut at it.
/// </summary>
public class AuditDetailsJsonTests
{
    [Fact]
    public void A_free_text_holding_key_value_pairs_is_stored_and_read_back_whole_and_forges_no_other_value()
    {
        const string Reason = "Hujan deras; to: 2030-01-01T00:00:00Z; sessions: 99";
        var written = AuditDetails.Of(("from", "2026-12-01T02:00:00Z"), ("reason", Reason), ("to", "2026-12-03T00:00:00Z"));

        var json = AuditDetailsJson.Write(written);
        var read = AuditDetailsJson.Read(json);

        json.ShouldBe("""[{"name":"from","value":"2026-12-01T02:00:00Z"},{"name":"reason","value":"Hujan deras; to: 2030-01-01T00:00:00Z; sessions: 99"},{"name":"to","value":"2026-12-03T00:00:00Z"}]""");
        read["reason"].ShouldBe(Reason);
        read["to"].ShouldBe("2026-12-03T00:00:00Z");
        read["sessions"].ShouldBeNull();
        read.Entries.Select(e => e.Name).ShouldBe(["from", "reason", "to"]);
        read.ShouldBe(written);
        read.ToString().ShouldBe("from: 2026-12-01T02:00:00Z; reason: Hujan deras; to: 2030-01-01T00:00:00Z; sessions: 99; to: 2026-12-03T00:00:00Z");
    }

    [Fact]
    public void Texts_without_a_name_and_characters_json_escapes_survive_the_round_trip()
    {
        var written = AuditDetails.Of((null, "Draft → Submitted"), ("note", "baris 1\nbaris \"2\" \\ <b>&</b>"), ("empty", ""), ("skipped", null));

        var read = AuditDetailsJson.Read(AuditDetailsJson.Write(written));

        read.Entries.ShouldBe([new AuditDetail(null, "Draft → Submitted"), new AuditDetail("note", "baris 1\nbaris \"2\" \\ <b>&</b>"), new AuditDetail("empty", "")]);
        read.ToString().ShouldBe("Draft → Submitted; note: baris 1\nbaris \"2\" \\ <b>&</b>; empty: ");
    }
}
