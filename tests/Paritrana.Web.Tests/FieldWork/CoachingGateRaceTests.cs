using System.Globalization;
using AngleSharp.Dom;
using Paritrana.Domain.FieldWork;
using Xunit.Abstractions;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// The coaching gate holds whatever the timing (issue 11, decisions/014): a committee member
/// records a coaching item, or the chair reopens a resolved one, at the same instant as another
/// session marks the nomination "ready for scoring". Two signed-in clients post the real forms
/// (with their antiforgery tokens), released together, twenty times, each on a fresh nomination.
/// Every time exactly one of two end states is found: the item came first (it is open, and the
/// step is refused because of it; the nomination stays in field assessment), or the step came
/// first (the nomination is ready for scoring and the item is refused with the message that says
/// what to do, nothing of it stored). Never ready for scoring with an open item.
/// </summary>
public class CoachingGateRaceTests(FieldWorkFixture fixture, ITestOutputHelper output) : IClassFixture<FieldWorkFixture>
{
    private const int Iterations = 20;
    private const string OpenItems = "Masih ada butir pembinaan yang terbuka atau sedang dikerjakan; selesaikan atau kesampingkan dulu sebelum nominasi siap dinilai.";
    private const string PastGate = "Nominasi ini sudah siap dinilai, jadi butir pembinaan tidak dapat dicatat atau dibuka kembali. Bila masih ada temuan, Ketua Tim Panitia dapat mengembalikan nominasi ke penilaian lapangan dengan alasan; setelah itu butir pembinaan dapat dicatat lagi.";
    private const int InFieldAssessment = 5;
    private const int ReadyForScoring = 6;

    private readonly FieldWorkTestData _data = new(fixture);

    [Fact]
    public async Task Recording_an_item_while_the_nomination_is_marked_ready_for_scoring_never_leaves_an_open_item_behind_the_gate()
    {
        using var member = await _data.SignedInAsync(BaliMember);
        using var chair = await _data.SignedInAsync(BaliChair);
        var due = BaliToday.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var outcomes = new List<string>();

        for (var i = 1; i <= Iterations; i++)
        {
            var nomination = await _data.NominationAsync();
            var createUrl = $"/FieldWork/Coaching/Create?nomination={nomination.Id}";
            var detailsUrl = $"/Nominations/Details/{nomination.Id}";
            var createPage = await member.GetPageAsync(createUrl);
            var detailsPage = await chair.GetPageAsync(detailsUrl);
            var finding = $"Temuan balapan {i}";

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var create = Task.Run(async () =>
            {
                await go.Task;
                return await member.SubmitFormAsync(createPage, createUrl, "#create-item-form", new Dictionary<string, string>
                {
                    ["Input.Finding"] = finding,
                    ["Input.Recommendation"] = "Daftarkan semua pekerja harian",
                    ["Input.DueDate"] = due,
                });
            });
            var ready = Task.Run(async () =>
            {
                await go.Task;
                return await chair.SubmitFormAsync(detailsPage, detailsUrl, "#action-MarkReadyForScoring", new Dictionary<string, string>());
            });
            go.SetResult();
            using var created = await create;
            using var marked = await ready;

            var status = await _data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @n", ("n", nomination.Id));
            var items = await ItemsAsync(nomination.Id);
            var events = await EventsAsync(nomination.Id);
            if (created.StatusCode == HttpStatusCode.Redirect)
            {
                // The item came first: it is open, and the gate refused the step because of it.
                var id = IdFromLocation(created);
                marked.StatusCode.ShouldBe(HttpStatusCode.OK, $"iteration {i}");
                PortalClient.Text((await PortalClient.ParseAsync(marked)).QuerySelector("[data-testid=transition-error]")).ShouldBe(OpenItems, $"iteration {i}");
                status.ShouldBe(InFieldAssessment, $"iteration {i}");
                items.ShouldBe([$"{id} | {finding} | 1"], $"iteration {i}");
                events.ShouldBe(["coaching.created"], $"iteration {i}");
                outcomes.Add("item recorded, step refused");
            }
            else
            {
                // The step came first: ready for scoring, and the item is refused whole on its page.
                marked.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"iteration {i}");
                created.StatusCode.ShouldBe(HttpStatusCode.OK, $"iteration {i}");
                var page = await PortalClient.ParseAsync(created);
                Summary(page).ShouldBe(PastGate, $"iteration {i}");
                page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input_Finding")!.Value.ShouldBe(finding);
                status.ShouldBe(ReadyForScoring, $"iteration {i}");
                items.ShouldBeEmpty($"iteration {i}");
                events.ShouldBe(["nomination.status-changed"], $"iteration {i}");
                outcomes.Add("step taken, item refused");
            }
        }

        Report(outcomes);
    }

    [Fact]
    public async Task Reopening_an_item_while_the_nomination_is_marked_ready_for_scoring_never_leaves_an_open_item_behind_the_gate()
    {
        using var chair = await _data.SignedInAsync(BaliChair);
        using var member = await _data.SignedInAsync(BaliMember);
        var outcomes = new List<string>();

        for (var i = 1; i <= Iterations; i++)
        {
            var nomination = await _data.NominationAsync();
            var item = await _data.ItemAsync(nomination, BaliToday.AddDays(7), CoachingStatus.Resolved, finding: $"Temuan selesai {i}");
            var itemUrl = $"/FieldWork/Coaching/Item/{item}";
            var detailsUrl = $"/Nominations/Details/{nomination.Id}";
            var itemPage = await chair.GetPageAsync(itemUrl);
            var detailsPage = await member.GetPageAsync(detailsUrl);

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var reopen = Task.Run(async () =>
            {
                await go.Task;
                return await chair.SubmitFormAsync(itemPage, itemUrl, "#reopen-form", new Dictionary<string, string>());
            });
            var ready = Task.Run(async () =>
            {
                await go.Task;
                return await member.SubmitFormAsync(detailsPage, detailsUrl, "#action-MarkReadyForScoring", new Dictionary<string, string>());
            });
            go.SetResult();
            using var reopened = await reopen;
            using var marked = await ready;

            var status = await _data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @n", ("n", nomination.Id));
            var items = await ItemsAsync(nomination.Id);
            var events = await EventsAsync(nomination.Id);
            if (reopened.StatusCode == HttpStatusCode.Redirect)
            {
                // The reopening came first: the item is open again and holds the nomination back.
                reopened.Headers.Location!.OriginalString.ShouldBe(itemUrl);
                marked.StatusCode.ShouldBe(HttpStatusCode.OK, $"iteration {i}");
                PortalClient.Text((await PortalClient.ParseAsync(marked)).QuerySelector("[data-testid=transition-error]")).ShouldBe(OpenItems, $"iteration {i}");
                status.ShouldBe(InFieldAssessment, $"iteration {i}");
                items.ShouldBe([$"{item} | Temuan selesai {i} | 1"], $"iteration {i}");
                events.ShouldBe(["coaching.reopened"], $"iteration {i}");
                outcomes.Add("item reopened, step refused");
            }
            else
            {
                // The step came first: the reopening is refused on the item's page; the item stays resolved.
                marked.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"iteration {i}");
                reopened.StatusCode.ShouldBe(HttpStatusCode.OK, $"iteration {i}");
                var page = await PortalClient.ParseAsync(reopened);
                Summary(page).ShouldBe(PastGate, $"iteration {i}");
                page.QuerySelector("#reopen-form").ShouldBeNull();
                status.ShouldBe(ReadyForScoring, $"iteration {i}");
                items.ShouldBe([$"{item} | Temuan selesai {i} | 3"], $"iteration {i}");
                events.ShouldBe(["nomination.status-changed"], $"iteration {i}");
                outcomes.Add("step taken, reopening refused");
            }
        }

        Report(outcomes);
    }

    private async Task<List<string>> ItemsAsync(int nomination) =>
        await RowsAsync("SELECT id || ' | ' || finding || ' | ' || status FROM coaching_items WHERE nomination_id = @n ORDER BY id", nomination);

    /// <summary>The audit events of the nomination and of its coaching items, in the order they were written.</summary>
    private async Task<List<string>> EventsAsync(int nomination) => await RowsAsync(
        """
        SELECT action FROM audit_events
        WHERE (entity_type = 'nomination' AND entity_id = @n::text)
           OR (entity_type = 'coaching-item' AND entity_id IN (SELECT id::text FROM coaching_items WHERE nomination_id = @n))
        ORDER BY id
        """, nomination);

    private async Task<List<string>> RowsAsync(string sql, int nomination)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionStringFor(fixture.Database));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("n", nomination);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private void Report(List<string> outcomes)
    {
        outcomes.Count.ShouldBe(Iterations);
        foreach (var group in outcomes.GroupBy(o => o))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Count(),2} × {group.Key}"));
        }
    }
}
