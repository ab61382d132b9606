using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// "Kirim kartu nilai" is final, so it asks first, without JavaScript: the server shows what
/// submitting means and the card's total, and only the confirmation, posting the same values,
/// submits; cancelling keeps the card a draft (issue 11, point 4). The small criteria: KEP (60:
/// KEP1 levels 50, KEP2 0–100 50), WAW (40: WAW1 levels 100).
/// </summary>
public class ScorecardConfirmationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Meaning = "Setelah dikirim, kartu nilai terkunci: nilainya tidak dapat diubah lagi, dan hanya ketua yang dapat membukanya kembali.";

    private readonly ScoringTestData data = new(portal);

    private async Task<(TestCriteria Criteria, int Nomination, string Url)> SetUpAsync()
    {
        var cycle = await data.CycleAsync();
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["KEP", "WAW"]);
        var nomination = await data.NominationAsync(cycle, cycle.Large, $"PT Konfirmasi {Guid.NewGuid():N}"[..22]);
        await data.AssignAsync(round, nomination, ScoringTestData.Member);
        return (criteria, nomination, ScoringTestData.Card(round, nomination));
    }

    private async Task<List<string>> CardAsync(int nomination) =>
        await data.RowsAsync("SELECT status, coalesce(total::text, 'null') FROM scorecards WHERE nomination_id = @n", ("n", nomination));

    private async Task<List<string>> ScoresAsync(int nomination) => await data.RowsAsync(
        "SELECT i.code, s.value FROM scores s JOIN indicators i ON i.id = s.indicator_id JOIN scorecards c ON c.id = s.scorecard_id WHERE c.nomination_id = @n ORDER BY i.code",
        ("n", nomination));

    private static Dictionary<string, string> Full => new()
    {
        ["Input.Scores[0].Value"] = "4", ["Input.Scores[1].Value"] = "33,33", ["Input.Scores[2].Value"] = "2", ["Input.Scores[1].Comment"] = "Data per Desember.",
    };

    [Fact]
    public async Task Posting_the_submit_button_without_confirmation_submits_nothing_and_shows_what_submitting_means_with_the_total()
    {
        var (criteria, nomination, url) = await SetUpAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        (await member.SubmitFormAsync(url, "#scorecard-form", new Dictionary<string, string> { ["Input.Scores[0].Value"] = "4" }, "#save-button")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await member.SubmitFormAsync(url, "#scorecard-form", Full, "#submit-button");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        ScoringTestData.Text(page, "#confirm-heading").ShouldBe("Kirim kartu nilai ini?");
        ScoringTestData.Text(page, "[data-testid=confirm-meaning]").ShouldBe(Meaning);
        // KEP = 0.5 × 75 + 0.5 × 33.33 = 54.165; WAW = 25; total = 0.6 × 54.165 + 0.4 × 25 = 42.499.
        ScoringTestData.Text(page, "[data-testid=confirm-total]").ShouldBe("Total kartu nilai: 42,50");
        page.QuerySelectorAll("#confirm-scores tbody tr").Select(PortalClient.Text)
            .ShouldBe(["KEP1 · Seluruh program diikuti 4", "KEP2 · Pekerja terdaftar 33,33", "WAW1 · Pemahaman pimpinan 2"]);
        page.QuerySelector("#scorecard-form").ShouldBeNull();
        var carried = PortalClient.ReadForm(page.QuerySelector<IHtmlFormElement>("#confirm-form")!).Where(f => f.Key != "__RequestVerificationToken").Select(f => $"{f.Key}={f.Value}");
        carried.ShouldBe(
        [
            "Input.Version=" + await data.ScalarAsync<long>("SELECT xmin::text::bigint FROM scorecards WHERE nomination_id = @n", ("n", nomination)),
            "Input.CriteriaSetId=" + ScoringTestData.Id(criteria.Id), "Input.Confirmed=true", "Input.Strengths=",
            $"Input.Scores[0].IndicatorId={criteria.Indicators["KEP1"]}", "Input.Scores[0].Value=4", "Input.Scores[0].Comment=",
            $"Input.Scores[1].IndicatorId={criteria.Indicators["KEP2"]}", "Input.Scores[1].Value=33,33", "Input.Scores[1].Comment=Data per Desember.",
            $"Input.Scores[2].IndicatorId={criteria.Indicators["WAW1"]}", "Input.Scores[2].Value=2", "Input.Scores[2].Comment=",
        ]);

        // Nothing of it was written: the draft keeps its one score, no submission in the history or the audit trail.
        (await CardAsync(nomination)).ShouldBe(["1 | null"]);
        (await ScoresAsync(nomination)).ShouldBe(["KEP1 | 4.00"]);
        (await data.CountAsync("SELECT count(*) FROM score_changes h JOIN scorecards c ON c.id = h.scorecard_id WHERE c.nomination_id = @n AND h.event = 'submitted'", ("n", nomination))).ShouldBe(0L);
        (await data.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'scorecard.submitted' AND entity_id = @n", ("n", ScoringTestData.Id(nomination)))).ShouldBe(0L);

        // Confirming posts the same values and submits.
        using var confirmed = await member.SubmitFormAsync(page, url, "#confirm-form", new Dictionary<string, string>(), "#confirm-submit");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ScoringTestData.Status(await PortalClient.ParseAsync(await member.FollowAsync(confirmed))).ShouldBe("Kartu nilai telah dikirim. Total: 42,50.");
        (await CardAsync(nomination)).ShouldBe(["2 | 42.4990"]);
        (await ScoresAsync(nomination)).ShouldBe(["KEP1 | 4.00", "KEP2 | 33.33", "WAW1 | 2.00"]);
    }

    [Fact]
    public async Task Before_the_first_save_the_confirmation_step_neither_creates_the_card_nor_locks_the_criteria()
    {
        var (criteria, nomination, url) = await SetUpAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        using var response = await member.SubmitFormAsync(url, "#scorecard-form", Full, "#submit-button");

        ScoringTestData.Text(await PortalClient.ParseAsync(response), "[data-testid=confirm-total]").ShouldBe("Total kartu nilai: 42,50");
        (await CardAsync(nomination)).ShouldBeEmpty();
        (await data.ScalarAsync<bool>("SELECT is_locked FROM criteria_sets WHERE id = @id", ("id", criteria.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task Cancelling_keeps_the_card_a_draft_with_what_was_typed()
    {
        var (_, nomination, url) = await SetUpAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        var page = await PortalClient.ParseAsync(await member.SubmitFormAsync(url, "#scorecard-form", Full, "#submit-button"));

        using var cancelled = await member.SubmitFormAsync(page, url, "#confirm-form", new Dictionary<string, string>(), "#confirm-cancel");

        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var card = await PortalClient.ParseAsync(await member.FollowAsync(cancelled));
        ScoringTestData.Status(card).ShouldBe("Draf kartu nilai tersimpan.");
        ScoringTestData.Text(card, "[data-testid=card-status]").ShouldBe("Draf");
        card.QuerySelector("#submit-button").ShouldNotBeNull();
        (await CardAsync(nomination)).ShouldBe(["1 | null"]);
        (await ScoresAsync(nomination)).ShouldBe(["KEP1 | 4.00", "KEP2 | 33.33", "WAW1 | 2.00"]);
    }

    [Fact]
    public async Task An_incomplete_card_is_refused_at_the_first_step_without_a_confirmation()
    {
        var (_, nomination, url) = await SetUpAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        using var response = await member.SubmitFormAsync(url, "#scorecard-form", new Dictionary<string, string> { ["Input.Scores[0].Value"] = "4" }, "#submit-button");

        var page = await PortalClient.ParseAsync(response);
        ScoringTestData.Errors(page).ShouldBe("Kartu nilai belum dapat dikirim: indikator berikut belum dinilai: KEP2 Pekerja terdaftar; WAW1 Pemahaman pimpinan.");
        page.QuerySelector("#confirm-form").ShouldBeNull();
        (await CardAsync(nomination)).ShouldBeEmpty();
    }
}
