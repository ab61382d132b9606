using System.Security.Cryptography;
using System.Text;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

/// <summary>
/// The official record of a plenary decision (docs/decisions/011): document numbers, the canonical
/// JSON of a snapshot, its SHA-256 and the verification code. The expected texts, hashes and codes
/// were worked out outside this code (Python: json, hashlib, base64.b32encode).
/// </summary>
public class DecisionDocumentTests
{
    /// <summary>A small snapshot: one category, one finalist scored in one of two rounds, minutes with a line break, a quote and a dash.</summary>
    private static DecisionSnapshot Small(decimal total = 86.5000m) => new(
        1,
        "PRT-2021-51-001",
        1,
        2021,
        "51",
        "Bali",
        new DateTimeOffset(2021, 6, 25, 7, 30, 0, TimeSpan.Zero),
        "I Made Ketua",
        new SnapshotPlenary(new DateOnly(2021, 6, 25), "Denpasar", "Ketua; anggota", "Baris 1\nBaris \"2\" — selesai", null),
        [new SnapshotCommitteeMember("I Made Ketua", "CommitteeChair")],
        RoundAggregation.Mean,
        [new SnapshotRound(7, "Wawancara", RoundKind.Interview, 60.00m), new SnapshotRound(8, "Kunjungan Lapangan", RoundKind.FieldVisit, 40.00m)],
        [
            new SnapshotCategory(3, "BESAR", "Perusahaan Besar", CategoryKind.LargeCompany, 1, null,
            [
                new SnapshotNomination(
                    11, "PT Alfa", null, NominationStatus.Finalist, true, [new SnapshotRoundScore(7, 86.5000m), new SnapshotRoundScore(8, null)],
                    total, false, 86.5m, 90.00m, 1, false, TieBreak.None, true, false, 0, null),
            ]),
        ]);

    /// <summary>The canonical JSON of <see cref="Small"/>, written with ' for " (replaced below).</summary>
    private static readonly string SmallCanonical = (
        "{'aggregation':'Mean','categories':[{'code':'BESAR','finalistCount':1,'id':3,'kind':'LargeCompany','name':'Perusahaan Besar'," +
        "'nominations':[{'coverage':90.00,'disagreement':false,'id':11,'interviewScore':86.5,'isDefaultFinalist':true,'isFinalist':true," +
        "'name':'PT Alfa','openCoachingItems':0,'profile':null,'rank':1,'regencyName':null,'roundScores':[{'roundId':7,'score':86.5000},{'roundId':8,'score':null}]," +
        "'scoringReason':null,'status':'Finalist','tieBreak':'None','tied':false,'total':86.5000,'totalComplete':false}],'rationale':null}]," +
        "'committee':[{'name':'I Made Ketua','role':'CommitteeChair'}],'decidedAt':'2021-06-25T07:30:00+00:00','decidedBy':'I Made Ketua'," +
        "'documentNumber':'PRT-2021-51-001','plenary':{'attendees':'Ketua; anggota','decision':null,'heldOn':'2021-06-25'," +
        "'minutes':'Baris 1\\nBaris \\'2\\' \u2014 selesai','place':'Denpasar'},'provinceCode':'51','provinceName':'Bali'," +
        "'rounds':[{'id':7,'kind':'Interview','name':'Wawancara','weight':60.00},{'id':8,'kind':'FieldVisit','name':'Kunjungan Lapangan','weight':40.00}]," +
        "'schemaVersion':1,'version':1,'year':2021}").Replace('\'', '"');

    [Fact]
    public void A_snapshot_is_sealed_as_its_canonical_json_with_the_sha256_of_that_text_and_a_ten_character_code()
    {
        var sealedSnapshot = DecisionDocument.Seal(Small());

        sealedSnapshot.CanonicalJson.ShouldBe(SmallCanonical);
        sealedSnapshot.Sha256.ShouldBe("86a7ac2732fc034b4505b2f7d290c1eaa52bb52f3e149021b532ef02b4500fcd");
        sealedSnapshot.VerificationCode.ShouldBe("Q2T2YJZS7Q");
        DecisionDocument.FormatCode(sealedSnapshot.VerificationCode).ShouldBe("Q2T2Y-JZS7Q");
    }

    [Fact]
    public void The_hash_is_of_the_value_so_json_as_postgresql_gives_it_back_still_matches()
    {
        // jsonb reorders keys (shorter first), adds spaces and keeps the scale of numbers.
        const string asJsonb = """
            {"year": 2021, "rounds": [{"id": 7, "kind": "Interview", "name": "Wawancara", "weight": 60.00}, {"id": 8, "kind": "FieldVisit", "name": "Kunjungan Lapangan", "weight": 40.00}],
             "plenary": {"place": "Denpasar", "heldOn": "2021-06-25", "minutes": "Baris 1\nBaris \"2\" \u2014 selesai", "decision": null, "attendees": "Ketua; anggota"},
             "version": 1, "committee": [{"name": "I Made Ketua", "role": "CommitteeChair"}], "decidedAt": "2021-06-25T07:30:00+00:00", "decidedBy": "I Made Ketua",
             "categories": [{"id": 3, "code": "BESAR", "kind": "LargeCompany", "name": "Perusahaan Besar", "rationale": null, "nominations": [{"id": 11, "name": "PT Alfa",
               "rank": 1, "tied": false, "total": 86.5000, "status": "Finalist", "profile": null, "coverage": 90.00, "tieBreak": "None", "isFinalist": true,
               "regencyName": null, "roundScores": [{"score": 86.5000, "roundId": 7}, {"score": null, "roundId": 8}], "disagreement": false, "totalComplete": false,
               "interviewScore": 86.5, "scoringReason": null, "isDefaultFinalist": true, "openCoachingItems": 0}], "finalistCount": 1}],
             "aggregation": "Mean", "provinceCode": "51", "provinceName": "Bali", "schemaVersion": 1, "documentNumber": "PRT-2021-51-001"}
            """;

        CanonicalJson.Canonicalize(asJsonb).ShouldBe(SmallCanonical);
        DecisionDocument.HashOf(asJsonb).ShouldBe("86a7ac2732fc034b4505b2f7d290c1eaa52bb52f3e149021b532ef02b4500fcd");
        DecisionDocument.Seal(DecisionDocument.Read(asJsonb)).Sha256.ShouldBe(DecisionDocument.Seal(Small()).Sha256);
    }

    [Fact]
    public void Any_change_of_a_figure_even_of_its_scale_changes_the_hash_and_the_code()
    {
        var original = DecisionDocument.Seal(Small());
        var other = DecisionDocument.Seal(Small(total: 86.51m));
        var rescaled = DecisionDocument.Seal(Small(total: 86.5m));

        other.Sha256.ShouldNotBe(original.Sha256);
        other.VerificationCode.ShouldNotBe(original.VerificationCode);
        rescaled.Sha256.ShouldNotBe(original.Sha256);
    }

    [Fact]
    public void Canonical_json_sorts_members_drops_whitespace_escapes_minimally_and_refuses_a_repeated_name()
    {
        CanonicalJson.Canonicalize("""{ "b" : [1, 2.50, -0.5, true, null], "a\u0001" : "x\ty\u00e9\\", "B": {} }""")
            .ShouldBe("{\"B\":{},\"a\\u0001\":\"x\\ty\u00e9\\\\\",\"b\":[1,2.50,-0.5,true,null]}");
        Should.Throw<FormatException>(() => CanonicalJson.Canonicalize("""{"a":1,"a":2}"""));
    }

    [Theory]
    [InlineData("abc", "XJ4BNP4PAH")]
    [InlineData("", "4OYMIQUY7Q")]
    public void The_code_is_the_first_ten_base32_characters_of_the_hash(string text, string code) =>
        DecisionDocument.CodeOf(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ShouldBe(code);

    [Fact]
    public void The_code_of_all_ones_is_all_sevens() =>
        DecisionDocument.CodeOf(Enumerable.Repeat((byte)0xff, 32).ToArray()).ShouldBe("7777777777");

    [Theory]
    [InlineData("XHAFT-2CSJY", "XHAFT2CSJY")]
    [InlineData(" xhaft 2csjy ", "XHAFT2CSJY")]
    [InlineData("K7Q2M-XW4T8", "K7Q2MXW4TB")] // 8 read as B, 0 as O, 1 as I
    [InlineData("0000011111", "OOOOOIIIII")]
    [InlineData("XHAFT-2CSJ", null)]
    [InlineData("XHAFT-2CSJYY", null)]
    [InlineData("XHAFT-2CSJ9", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_typed_code_is_read_leniently_but_only_as_ten_base32_characters(string? typed, string? code) =>
        DecisionDocument.ParseCode(typed).ShouldBe(code);

    [Fact]
    public void Document_numbers_name_the_award_year_province_and_version()
    {
        DecisionDocument.Number(2021, "51", 1).ShouldBe("PRT-2021-51-001");
        DecisionDocument.Number(2025, "33", 12).ShouldBe("PRT-2025-33-012");
        DecisionDocument.ParseNumber(" prt-2021-51-001 ").ShouldBe("PRT-2021-51-001");
        DecisionDocument.ParseNumber("PRT-2021-51-1").ShouldBeNull();
        DecisionDocument.ParseNumber("PRT-DRAF-2021-51-202106251530").ShouldBeNull();
    }

    [Fact]
    public void A_snapshot_of_an_unknown_schema_version_is_not_read_as_if_it_were_known()
    {
        var text = SmallCanonical.Replace("\"schemaVersion\":1", "\"schemaVersion\":2", StringComparison.Ordinal);
        Should.Throw<FormatException>(() => DecisionDocument.Read(text));
    }

    [Fact]
    public void A_decision_is_re_opened_only_while_none_of_its_nominations_went_to_the_national_level()
    {
        PlenaryReopening.Refusal([NominationStatus.Finalist, NominationStatus.NotShortlisted, NominationStatus.Withdrawn]).ShouldBeNull();
        foreach (var gone in new[] { NominationStatus.ForwardedToNational, NominationStatus.Winner, NominationStatus.NotWinner })
        {
            PlenaryReopening.Refusal([NominationStatus.NotShortlisted, gone])
                .ShouldBe("Finalis keputusan ini sudah diteruskan ke tingkat nasional; keputusan pleno tidak dapat dibuka kembali.");
        }
    }
}
