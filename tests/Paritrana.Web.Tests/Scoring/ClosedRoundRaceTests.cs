using System.Globalization;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Scoring;
using Xunit.Abstractions;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// A closed round stays closed, whatever the timing (issue 11, decisions/014): the chair presses
/// "Tutup babak" at the same instant as a member presses "Kirim kartu nilai", or as another chair
/// session reopens a submitted card. Two signed-in clients post the real forms (with their
/// antiforgery tokens), released together, twenty times, each time on a fresh round and
/// nomination. Every time exactly one of two end states is found: the card's write came first
/// (it is stored, its time is not after the round's closed_at, its audit event comes before the
/// round's) and the round is closed; or the round came first and the card is refused with a clear
/// message and left exactly as it was. Never a card written after the round was closed.
/// </summary>
public class ClosedRoundRaceTests(PortalFixture portal, ITestOutputHelper output) : IClassFixture<PortalFixture>
{
    private const int Iterations = 20;
    private const string Submitted = "Kartu nilai telah dikirim. Total: 89,50.";
    private const string ClosedAtLoad = "Babak ini sudah ditutup; kartu nilai hanya dapat dibaca.";
    private const string ClosedUnderLock = "Babak ini baru saja ditutup oleh ketua; isian Anda tidak disimpan dan kartu nilai ini kini hanya dapat dibaca.";
    private const string ReopenRefused = "Babak ini tidak sedang dibuka; kartu nilai tidak dapat dibuka kembali.";

    private readonly ScoringTestData data = new(portal);

    [Fact]
    public async Task Submitting_a_card_while_the_chair_closes_its_round_either_submits_before_the_close_or_is_refused_and_stays_a_draft()
    {
        var cycle = await data.CycleAsync();
        await data.SmallCriteriaAsync(cycle, cycle.Large);
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        var outcomes = new List<string>();

        for (var i = 1; i <= Iterations; i++)
        {
            var round = await data.RoundAsync(cycle, $"Babak {i}", 100m, RoundStatus.Open, ["KEP", "WAW"]);
            var nomination = await data.NominationAsync(cycle, cycle.Large, $"PT Balapan {i} {Guid.NewGuid():N}"[..22]);
            await data.AssignAsync(round, nomination, ScoringTestData.Member);
            var cardUrl = ScoringTestData.Card(round, nomination);
            var roundUrl = $"/Scoring/Rounds/Details/{round}";

            // A draft with two of the three indicators, saved through the page before the race.
            using (var draft = await member.SubmitFormAsync(cardUrl, "#scorecard-form", new Dictionary<string, string>
                   {
                       ["Input.Scores[0].Value"] = "4",
                       ["Input.Scores[1].Value"] = "90",
                   }, "#save-button"))
            {
                draft.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            }

            var cardPage = await member.GetPageAsync(cardUrl);
            var roundPage = await chair.GetPageAsync(roundUrl);

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var submit = Task.Run(async () =>
            {
                await go.Task;
                return await member.SubmitFormAsync(cardPage, cardUrl, "#scorecard-form", new Dictionary<string, string> { ["Input.Scores[2].Value"] = "5", ["Input.Confirmed"] = "true" }, "#submit-button");
            });
            var close = Task.Run(async () =>
            {
                await go.Task;
                return await chair.SubmitFormAsync(roundPage, roundUrl, "#close-form", new Dictionary<string, string>());
            });
            go.SetResult();
            using var submitted = await submit;
            using var closed = await close;

            // The close always succeeds: a card's share lock does not change the round's version.
            closed.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"iteration {i}");
            ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(closed))).ShouldBe($"Babak Babak {i} telah ditutup; kartu nilainya kini hanya dapat dibaca.");
            (await data.ScalarAsync<int>("SELECT status FROM scoring_rounds WHERE id = @r", ("r", round))).ShouldBe(3);

            submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"iteration {i}");
            submitted.Headers.Location!.OriginalString.ShouldBe(cardUrl);
            var message = ScoringTestData.Status(await PortalClient.ParseAsync(await member.FollowAsync(submitted)));
            var card = await data.RowsAsync(
                """
                SELECT c.status, coalesce(c.total::text, '-'), c.submitted_at IS NOT NULL, c.updated_at <= r.closed_at
                FROM scorecards c JOIN scoring_rounds r ON r.id = c.round_id WHERE c.round_id = @r
                """, ("r", round));
            var scores = await data.RowsAsync(
                "SELECT i.code, s.value FROM scores s JOIN indicators i ON i.id = s.indicator_id JOIN scorecards c ON c.id = s.scorecard_id WHERE c.round_id = @r ORDER BY i.code",
                ("r", round));
            var events = await AuditAsync(round, nomination);
            if (message == Submitted)
            {
                // The card came first: submitted, not after closed_at, and audited before the close.
                card.ShouldBe(["2 | 89.5000 | True | True"], $"iteration {i}");
                scores.ShouldBe(["KEP1 | 4.00", "KEP2 | 90.00", "WAW1 | 5.00"]);
                events.ShouldBe(["scorecard.saved", "scorecard.submitted", "round.closed"], $"iteration {i}");
                outcomes.Add("submitted, then closed");
            }
            else
            {
                // The close came first: the card is refused whole and is still the draft it was.
                message.ShouldBeOneOf([ClosedAtLoad, ClosedUnderLock], $"iteration {i}");
                card.ShouldBe(["1 | - | False | True"], $"iteration {i}");
                scores.ShouldBe(["KEP1 | 4.00", "KEP2 | 90.00"]);
                events.ShouldBe(["scorecard.saved", "round.closed"], $"iteration {i}");
                outcomes.Add(message == ClosedAtLoad ? "closed, then refused (seen at load)" : "closed, then refused (seen under the lock)");
            }
        }

        Report(outcomes);
    }

    [Fact]
    public async Task Reopening_a_card_while_the_chair_closes_its_round_either_reopens_before_the_close_or_is_refused_and_stays_submitted()
    {
        var cycle = await data.CycleAsync();
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large);
        using var reopener = await data.SignedInAsync(ScoringTestData.Chair);
        using var closer = await data.SignedInAsync(ScoringTestData.Chair);
        var outcomes = new List<string>();

        for (var i = 1; i <= Iterations; i++)
        {
            var round = await data.RoundAsync(cycle, $"Babak {i}", 100m, RoundStatus.Open, ["KEP", "WAW"]);
            var nomination = await data.NominationAsync(cycle, cycle.Large, $"PT Buka {i} {Guid.NewGuid():N}"[..22]);
            await data.SubmittedCardAsync(round, nomination, ScoringTestData.Member, criteria, 89.5m, ("KEP1", 4m), ("KEP2", 90m), ("WAW1", 5m));
            var cardId = await data.ScalarAsync<int>("SELECT id FROM scorecards WHERE round_id = @r", ("r", round));
            var historyUrl = $"/Scoring/CardHistory/{cardId}";
            var roundUrl = $"/Scoring/Rounds/Details/{round}";
            var historyPage = await reopener.GetPageAsync(historyUrl);
            var roundPage = await closer.GetPageAsync(roundUrl);
            var reason = $"Periksa ulang KEP2 ({i})";

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var reopen = Task.Run(async () =>
            {
                await go.Task;
                return await reopener.SubmitFormAsync(historyPage, historyUrl, "#reopen-form", new Dictionary<string, string> { ["Input.Reason"] = reason });
            });
            var close = Task.Run(async () =>
            {
                await go.Task;
                return await closer.SubmitFormAsync(roundPage, roundUrl, "#close-form", new Dictionary<string, string>());
            });
            go.SetResult();
            using var reopened = await reopen;
            using var closed = await close;

            closed.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"iteration {i}");
            (await data.ScalarAsync<int>("SELECT status FROM scoring_rounds WHERE id = @r", ("r", round))).ShouldBe(3);
            var card = await data.RowsAsync(
                """
                SELECT c.status, coalesce(c.total::text, '-'), coalesce(c.reopen_reason, '-'), c.updated_at <= r.closed_at
                FROM scorecards c JOIN scoring_rounds r ON r.id = c.round_id WHERE c.id = @c
                """, ("c", cardId));
            var history = await data.RowsAsync("SELECT event, card_status FROM score_changes WHERE scorecard_id = @c ORDER BY id", ("c", cardId));
            var events = await AuditAsync(round, nomination);
            if (reopened.StatusCode == HttpStatusCode.Redirect)
            {
                // The reopening came first: the card is a draft again, changed before the close.
                reopened.Headers.Location!.OriginalString.ShouldBe(historyUrl);
                card.ShouldBe([$"1 | - | {reason} | True"], $"iteration {i}");
                history.ShouldBe(["reopened | 1"]);
                events.ShouldBe(["scorecard.reopened", "round.closed"], $"iteration {i}");
                outcomes.Add("reopened, then closed");
            }
            else
            {
                // The close came first: the reopening is refused on its page and the card is untouched.
                reopened.StatusCode.ShouldBe(HttpStatusCode.OK, $"iteration {i}");
                var page = await PortalClient.ParseAsync(reopened);
                ScoringTestData.Errors(page).ShouldBe(ReopenRefused, $"iteration {i}");
                page.QuerySelector("#reopen-form").ShouldBeNull();
                card.ShouldBe(["2 | 89.5000 | - | True"], $"iteration {i}");
                history.ShouldBeEmpty();
                events.ShouldBe(["round.closed"], $"iteration {i}");
                outcomes.Add("closed, then refused");
            }
        }

        Report(outcomes);
    }

    /// <summary>The audit events of the round's card and of the round itself, in the order they were written.</summary>
    private async Task<List<string>> AuditAsync(int round, int nomination) => await data.RowsAsync(
        """
        SELECT action FROM audit_events
        WHERE (entity_type = 'nomination' AND entity_id = @n) OR (entity_type = 'scoring-round' AND entity_id = @r)
        ORDER BY id
        """, ("n", ScoringTestData.Id(nomination)), ("r", ScoringTestData.Id(round)));

    private void Report(List<string> outcomes)
    {
        outcomes.Count.ShouldBe(Iterations);
        foreach (var group in outcomes.GroupBy(o => o))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Count(),2} × {group.Key}"));
        }
    }
}
