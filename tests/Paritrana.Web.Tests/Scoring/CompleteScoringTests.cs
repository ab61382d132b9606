using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// "Sudah dinilai" needs every open or closed round of the nomination complete (every assigned
/// scorer without a declared conflict has submitted their card); otherwise the chair is told which
/// rounds are missing and may mark it only with a reason, which is kept and shown (issue 11, point 4).
/// </summary>
public class CompleteScoringTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Reason = "Penilai wawancara sakit; rapat pleno tidak dapat ditunda.";

    private const string Refusal =
        "Penilaian nominasi ini belum lengkap: Kunjungan Lapangan (1 dari 2 kartu nilai belum dikirim); Wawancara (belum ada penilai yang ditugaskan). " +
        "Minta penilai mengirim kartu nilainya (atau tugaskan penilai di babak itu), lalu tandai lagi; bila ketua tetap menandainya sudah dinilai, tuliskan alasannya.";

    private readonly ScoringTestData data = new(portal);

    private sealed record Setup(ScoringCycle Cycle, TestCriteria Criteria, int Documents, int Visit, int Interview, int Nomination)
    {
        public string Url => $"/Nominations/Details/{Nomination}";
    }

    /// <summary>
    /// Documents (closed): chair and member submitted. Field visit (open): chair submitted, member's
    /// card a draft, and a third scorer assigned who declared a conflict (not counted). Interview
    /// (open): nobody assigned. A draft round with an assignment is not asked about.
    /// </summary>
    private async Task<Setup> SetUpAsync()
    {
        var cycle = await data.CycleAsync();
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large, locked: true);
        var documents = await data.RoundAsync(cycle, "Penilaian Dokumen", 40m, RoundStatus.Closed, ["KEP"], order: 1);
        var visit = await data.RoundAsync(cycle, "Kunjungan Lapangan", 35m, RoundStatus.Open, ["KEP"], kind: RoundKind.FieldVisit, order: 2);
        var interview = await data.RoundAsync(cycle, "Wawancara", 25m, RoundStatus.Open, ["WAW"], kind: RoundKind.Interview, order: 3);
        var later = await data.RoundAsync(cycle, "Babak Tambahan", 0m, RoundStatus.Draft, ["KEP"], kind: RoundKind.Other, order: 4);
        var nomination = await data.NominationAsync(cycle, cycle.Large, $"PT Dinilai {Guid.NewGuid():N}"[..20]);
        await data.SubmittedCardAsync(documents, nomination, ScoringTestData.Chair, criteria, 80m, ("KEP1", 4m), ("KEP2", 85m));
        await data.SubmittedCardAsync(documents, nomination, ScoringTestData.Member, criteria, 70m, ("KEP1", 3m), ("KEP2", 82.5m));
        await data.SubmittedCardAsync(visit, nomination, ScoringTestData.Chair, criteria, 75m, ("KEP1", 4m), ("KEP2", 75m));
        await data.AssignAsync(visit, nomination, ScoringTestData.Member);
        var conflicted = await data.CommitteeMemberAsync("Wayan Berkonflik");
        await data.AssignAsync(visit, nomination, conflicted);
        await data.ConflictAsync(nomination, conflicted, "Saudara kandung direktur.");
        await data.AssignAsync(later, nomination, ScoringTestData.Member);
        return new Setup(cycle, criteria, documents, visit, interview, nomination);
    }

    private async Task<NominationStatus> StatusAsync(int nomination) =>
        (NominationStatus)await data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @n", ("n", nomination));

    private async Task<List<string>> ChangesAsync(int nomination) =>
        await data.RowsAsync("SELECT sc.action, coalesce(sc.reason, '-') FROM status_changes sc WHERE sc.nomination_id = @n ORDER BY sc.id", ("n", nomination));

    private async Task<List<string>> AuditAsync(int nomination) =>
        await data.RowsAsync($"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = 'nomination.status-changed' AND entity_id = @n ORDER BY id", ("n", ScoringTestData.Id(nomination)));

    [Fact]
    public async Task Without_a_reason_the_chair_is_told_which_rounds_are_missing_and_nothing_changes()
    {
        var s = await SetUpAsync();
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        var page = await chair.GetPageAsync(s.Url);
        ScoringTestData.Text(page, "[data-testid=scoring-incomplete]").ShouldBe(
            "Penilaian belum lengkap: Kunjungan Lapangan (1 dari 2 kartu nilai belum dikirim); Wawancara (belum ada penilai yang ditugaskan). " +
            "Ketua tetap dapat menandainya sudah dinilai dengan alasan; alasan itu ditampilkan di daftar pendek, rapat pleno, ekspor dan laporan.");
        var reason = page.QuerySelector<IHtmlTextAreaElement>("#action-MarkScored textarea[name=reason]")!;
        reason.IsRequired.ShouldBeTrue();
        PortalClient.Text(page.QuerySelector($"label[for={reason.Id}]")).ShouldBe("Alasan menandai sudah dinilai walaupun belum lengkap");

        using var refused = await chair.SubmitFormAsync(page, s.Url, "#action-MarkScored", new Dictionary<string, string> { ["reason"] = "  " });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        ScoringTestData.Text(await PortalClient.ParseAsync(refused), "[data-testid=transition-error]").ShouldBe(Refusal);
        (await StatusAsync(s.Nomination)).ShouldBe(NominationStatus.ReadyForScoring);
        (await ChangesAsync(s.Nomination)).ShouldBeEmpty();
        (await AuditAsync(s.Nomination)).ShouldBeEmpty();
    }

    [Fact]
    public async Task With_a_reason_it_is_marked_and_the_reason_is_kept_audited_and_shown()
    {
        var s = await SetUpAsync();
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        using var marked = await chair.SubmitFormAsync(s.Url, "#action-MarkScored", new Dictionary<string, string> { ["reason"] = Reason });

        marked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await PortalClient.ParseAsync(await chair.FollowAsync(marked));
        ScoringTestData.Text(page, "[data-testid=status]").ShouldBe("Sudah dinilai");
        ScoringTestData.Text(page, "[data-testid=scored-incomplete]").ShouldBe($"Ditandai sudah dinilai walaupun penilaian belum lengkap — alasan Ketua: {Reason}");
        (await ChangesAsync(s.Nomination)).ShouldBe([$"{(int)NominationAction.MarkScored} | {Reason}"]);
        (await AuditAsync(s.Nomination)).ShouldBe([$"ReadyForScoring → Scored; reason: {Reason}; incomplete rounds: Kunjungan Lapangan, Wawancara"]);

        // The scoring ranking shows it beside the incomplete total.
        var ranking = await chair.GetPageAsync($"/Scoring/Ranking?cycle={s.Cycle.YearText}&kategori={s.Cycle.Large}");
        ScoringTestData.Text(ranking, "[data-testid=scoring-reason]").ShouldBe($"Ditandai sudah dinilai walaupun penilaian belum lengkap — alasan Ketua: {Reason}");
    }

    [Fact]
    public async Task Once_every_assigned_card_is_submitted_it_is_marked_without_a_reason_and_none_is_kept()
    {
        var s = await SetUpAsync();
        await data.SubmittedCardAsync(s.Visit, s.Nomination, ScoringTestData.Member, s.Criteria, 65m, ("KEP1", 3m), ("KEP2", 70m));
        await data.SubmittedCardAsync(s.Interview, s.Nomination, ScoringTestData.Member, s.Criteria, 75m, ("WAW1", 4m));
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        var page = await chair.GetPageAsync(s.Url);
        page.QuerySelector("[data-testid=scoring-incomplete]").ShouldBeNull();
        page.QuerySelector("#action-MarkScored textarea").ShouldBeNull();

        // A reason posted anyway is not kept: it would mark the nomination incomplete everywhere.
        using var marked = await chair.SubmitFormAsync(page, s.Url, "#action-MarkScored", new Dictionary<string, string> { ["reason"] = Reason });

        marked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await PortalClient.ParseAsync(await chair.FollowAsync(marked));
        ScoringTestData.Text(after, "[data-testid=status]").ShouldBe("Sudah dinilai");
        after.QuerySelector("[data-testid=scored-incomplete]").ShouldBeNull();
        (await ChangesAsync(s.Nomination)).ShouldBe([$"{(int)NominationAction.MarkScored} | -"]);
        (await AuditAsync(s.Nomination)).ShouldBe(["ReadyForScoring → Scored"]);
    }

    [Fact]
    public async Task A_scorer_assigned_to_an_open_round_but_not_yet_started_keeps_the_round_missing()
    {
        var s = await SetUpAsync();
        await data.SubmittedCardAsync(s.Visit, s.Nomination, ScoringTestData.Member, s.Criteria, 65m, ("KEP1", 3m), ("KEP2", 70m));
        await data.AssignAsync(s.Interview, s.Nomination, ScoringTestData.Member, ScoringTestData.Chair);
        await data.SubmittedCardAsync(s.Interview, s.Nomination, ScoringTestData.Chair, s.Criteria, 100m, ("WAW1", 5m));
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        using var refused = await chair.SubmitFormAsync(s.Url, "#action-MarkScored", new Dictionary<string, string>());

        ScoringTestData.Text(await PortalClient.ParseAsync(refused), "[data-testid=transition-error]").ShouldStartWith(
            "Penilaian nominasi ini belum lengkap: Wawancara (1 dari 2 kartu nilai belum dikirim). Minta penilai");
        (await ChangesAsync(s.Nomination)).ShouldBeEmpty();
    }
}
