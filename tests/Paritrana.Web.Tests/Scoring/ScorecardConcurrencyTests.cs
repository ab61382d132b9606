using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// Many saves of one scorecard at the same instant: the scorer has the card open in twenty tabs
/// or devices, each changes its own indicator (level and comment) and all press Save together.
/// The card's version decides: exactly one save of each version wins, every other one is refused
/// with the stored values shown, and retrying from the refused page brings the next winner. In the
/// end every indicator holds its tab's value and the history lists exactly the acknowledged saves
/// in their order: no update is lost and none is applied twice. Also ten reopen clicks at once on a
/// submitted card: one reopens it, the others are told why not.
/// </summary>
public class ScorecardConcurrencyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const int Tabs = 20;
    private const string StaleMessage = "Kartu nilai ini sudah disimpan dari tab atau perangkat lain. Nilai yang tersimpan sekarang ditampilkan di bawah; isian Anda tidak disimpan. Periksa, lalu simpan lagi bila perlu.";

    private readonly ScoringTestData data = new(portal);

    /// <summary>One aspect (weight 100) of twenty level indicators of weight 5: IND01 … IND20.</summary>
    private async Task<TestCriteria> TwentyIndicatorsAsync(ScoringCycle cycle)
    {
        await using var db = data.NewContext();
        var set = new CriteriaSet
        {
            CycleId = cycle.Id,
            CategoryId = cycle.Large,
            VersionNumber = 1,
            IsCurrent = true,
            CreatedAt = DateTimeOffset.UtcNow,
            Aspects =
            [
                new Aspect
                {
                    Code = "KEP", Name = "Kepatuhan", Weight = 100m, SortOrder = 1,
                    Indicators = Enumerable.Range(1, Tabs).Select(i => new Indicator
                    {
                        Code = Code(i), Name = $"Indikator {i}", Weight = 5m, Scale = ScaleKind.Levels, SortOrder = i,
                        Rubric1 = "Tidak ada.", Rubric2 = "Sedikit.", Rubric3 = "Sebagian.", Rubric4 = "Hampir semua.", Rubric5 = "Semua.",
                    }).ToList(),
                },
            ],
        };
        db.CriteriaSets.Add(set);
        await db.SaveChangesAsync();
        return new TestCriteria(set.Id, set.Aspects.SelectMany(a => a.Indicators).ToDictionary(i => i.Code, i => i.Id));
    }

    private static string Code(int i) => FormattableString.Invariant($"IND{i:00}");

    /// <summary>Tab i (0-based) gives indicator i the level i mod 5 + 1 and a comment naming the tab.</summary>
    private static Dictionary<string, string> ChangeOf(int tab) => new()
    {
        [FormattableString.Invariant($"Input.Scores[{tab}].Value")] = (tab % 5 + 1).ToString(CultureInfo.InvariantCulture),
        [FormattableString.Invariant($"Input.Scores[{tab}].Comment")] = $"Catatan dari tab {tab + 1}",
    };

    [Fact]
    public async Task Twenty_tabs_saving_one_card_at_once_exactly_one_wins_per_version_and_no_update_is_lost()
    {
        var cycle = await data.CycleAsync();
        var criteria = await TwentyIndicatorsAsync(cycle);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["KEP"]);
        var nomination = await data.NominationAsync(cycle, cycle.Large, $"PT Serentak {Guid.NewGuid():N}"[..22]);
        await data.AssignAsync(round, nomination, ScoringTestData.Member);
        var url = ScoringTestData.Card(round, nomination);

        var tabs = new List<PortalClient>();
        try
        {
            for (var i = 0; i < Tabs; i++)
            {
                tabs.Add(await data.SignedInAsync(ScoringTestData.Member));
            }

            var pages = new IHtmlDocument[Tabs];
            for (var i = 0; i < Tabs; i++)
            {
                pages[i] = await tabs[i].GetPageAsync(url);
            }

            var waiting = Enumerable.Range(0, Tabs).ToList();
            var winners = new List<int>();
            var versions = new List<string>();
            while (waiting.Count > 0)
            {
                var version = pages[waiting[0]].QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value;
                waiting.Select(i => pages[i].QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value).Distinct().ShouldBe([version]);
                versions.Add(version);

                // Everyone still waiting presses Save at the same instant, with the version their page shows.
                var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var saves = waiting.Select(async i =>
                {
                    await go.Task;
                    using var response = await tabs[i].SubmitFormAsync(pages[i], url, "#scorecard-form", ChangeOf(i), "#save-button");
                    return (Tab: i, response.StatusCode, Page: response.StatusCode == HttpStatusCode.OK ? await PortalClient.ParseAsync(response) : null);
                }).ToList();
                go.SetResult();
                var results = await Task.WhenAll(saves);

                var won = results.Where(r => r.StatusCode == HttpStatusCode.Redirect).Select(r => r.Tab).ToList();
                won.Count.ShouldBe(1, $"version {version}: {string.Join(", ", results.Select(r => $"tab {r.Tab + 1} {(int)r.StatusCode}"))}");
                var winner = won[0];
                winners.Add(winner);
                foreach (var lost in results.Where(r => r.Tab != winner))
                {
                    lost.StatusCode.ShouldBe(HttpStatusCode.OK);
                    ScoringTestData.Errors(lost.Page!).ShouldBe(StaleMessage, $"tab {lost.Tab + 1} at version {version}");
                    // The refused page shows what the winner stored and carries the new version.
                    var refused = lost.Page!;
                    refused.QuerySelector<IHtmlInputElement>($"#ind-{criteria.Indicators[Code(winner + 1)]}-{winner % 5 + 1}")!.IsChecked.ShouldBeTrue();
                    refused.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value.ShouldNotBe(version);
                    pages[lost.Tab] = refused;
                }

                waiting.Remove(winner);
            }

            winners.Count.ShouldBe(Tabs);
            winners.Distinct().Count().ShouldBe(Tabs);
            versions.Distinct().Count().ShouldBe(Tabs);

            // The card holds every tab's change; the history is exactly the acknowledged saves, in order.
            (await data.RowsAsync(
                "SELECT i.code, s.value, s.comment FROM scores s JOIN indicators i ON i.id = s.indicator_id JOIN scorecards c ON c.id = s.scorecard_id WHERE c.nomination_id = @n ORDER BY i.code",
                ("n", nomination)))
                .ShouldBe(Enumerable.Range(0, Tabs).Select(i => $"{Code(i + 1)} | {i % 5 + 1}.00 | Catatan dari tab {i + 1}"));
            (await data.RowsAsync(
                """
                SELECT h.event, i.code, coalesce(h.old_value::text, '-'), h.new_value, h.card_status, h.new_comment
                FROM score_changes h JOIN scorecards c ON c.id = h.scorecard_id JOIN indicators i ON i.id = h.indicator_id
                WHERE c.nomination_id = @n ORDER BY h.id
                """, ("n", nomination)))
                .ShouldBe(winners.Select(i => $"saved | {Code(i + 1)} | - | {i % 5 + 1}.00 | 1 | Catatan dari tab {i + 1}"));
            (await data.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'scorecard.saved' AND entity_id = @n", ("n", ScoringTestData.Id(nomination)))).ShouldBe(Tabs);
            (await data.CountAsync("SELECT count(*) FROM scorecards WHERE nomination_id = @n", ("n", nomination))).ShouldBe(1L);
        }
        finally
        {
            foreach (var tab in tabs)
            {
                tab.Dispose();
            }
        }
    }

    [Fact]
    public async Task Ten_reopen_clicks_at_once_on_a_submitted_card_reopen_it_once()
    {
        var cycle = await data.CycleAsync();
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["KEP", "WAW"]);
        var nomination = await data.NominationAsync(cycle, cycle.Large, $"PT Buka Ulang {Guid.NewGuid():N}"[..22]);
        await data.AssignAsync(round, nomination, ScoringTestData.Member);
        await data.SubmittedCardAsync(round, nomination, ScoringTestData.Member, criteria, 89.5m, ("KEP1", 4m), ("KEP2", 90m), ("WAW1", 5m));
        var cardId = await data.ScalarAsync<int>("SELECT id FROM scorecards WHERE nomination_id = @n", ("n", nomination));
        var historyUrl = $"/Scoring/CardHistory/{cardId}";

        var chairs = new List<PortalClient>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                chairs.Add(await data.SignedInAsync(ScoringTestData.Chair));
            }

            var pages = new List<IHtmlDocument>();
            foreach (var chair in chairs)
            {
                pages.Add(await chair.GetPageAsync(historyUrl));
            }

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var clicks = chairs.Select(async (chair, i) =>
            {
                await go.Task;
                using var response = await chair.SubmitFormAsync(pages[i], historyUrl, "#reopen-form", new Dictionary<string, string> { ["Input.Reason"] = $"Periksa ulang ({i + 1})" });
                return (response.StatusCode, Error: response.StatusCode == HttpStatusCode.OK ? ScoringTestData.Errors(await PortalClient.ParseAsync(response)) : "");
            }).ToList();
            go.SetResult();
            var results = await Task.WhenAll(clicks);

            results.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
            results.Where(r => r.StatusCode != HttpStatusCode.Redirect).Select(r => $"{(int)r.StatusCode} {r.Error}").Distinct().Except(
            [
                // Read before the winner committed: its version no longer matches.
                "200 Kartu nilai ini baru saja diubah. Muat ulang halaman, lalu ulangi bila masih perlu.",
                // Read after: the card is a draft again.
                "200 Kartu nilai ini belum dikirim, jadi tidak perlu dibuka kembali.",
            ]).ShouldBeEmpty();
            (await data.RowsAsync("SELECT event, card_status FROM score_changes WHERE scorecard_id = @id ORDER BY id", ("id", cardId))).ShouldBe(["reopened | 1"]);
            (await data.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'scorecard.reopened' AND entity_id = @n", ("n", ScoringTestData.Id(nomination)))).ShouldBe(1L);
            (await data.RowsAsync("SELECT status, coalesce(total::text, 'null') FROM scorecards WHERE id = @id", ("id", cardId))).ShouldBe(["1 | null"]);
        }
        finally
        {
            foreach (var chair in chairs)
            {
                chair.Dispose();
            }
        }
    }
}
