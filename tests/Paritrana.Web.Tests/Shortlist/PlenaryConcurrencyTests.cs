using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Access;
using Paritrana.Domain.Nominations;
using Paritrana.Web.Accounts;

namespace Paritrana.Web.Tests.Shortlist;

/// <summary>
/// Two chairs (or two tabs) confirming "Tetapkan" on the same plenary at the same moment: exactly
/// one decides, with one official record, and the other is told who decided, when and under which
/// number, and nothing of theirs is saved (issue 11, point 2 and 5; ADR 011).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class PlenaryConcurrencyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string ChairName = "I Made Ketua";
    private const string SecondChairName = "Komang Ketua Kedua (Ketua Tim Panitia Bali)";
    private const int Rounds = 16;
    private readonly ShortlistTestData _data = new(portal.Database);
    private readonly PlenaryDriver _plenary = new(portal.Database);

    [Fact]
    public async Task Two_chairs_deciding_the_same_plenary_at_once_exactly_one_decides_and_the_other_is_told_who_did()
    {
        var secondEmail = await SecondChairAsync();
        using var first = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        using var second = await portal.Factory.CreatePortalClient().SignedInAsAsync(secondEmail);
        var chairs = new[] { (Client: first, Name: ChairName, Id: await _data.UserIdAsync(ShortlistTestData.Chair)), (Client: second, Name: SecondChairName, Id: await _data.UserIdAsync(secondEmail)) };

        for (var round = 0; round < Rounds; round++)
        {
            var s = await _data.ScenarioAsync();
            var url = PlenaryDriver.PlenaryUrl(s.Cycle);
            if (round % 2 == 1)
            {
                // The record saved before: both pages carry the same version of an existing plenary row
                // (in the even rounds there is no row yet, and both would insert it).
                var saved = await first.SubmitFormAsync(url, "#plenary-form", new Dictionary<string, string>
                {
                    ["Input.HeldOn"] = "2025-11-20", ["Input.Place"] = "Kantor Gubernur Bali", ["Input.Attendees"] = "Ketua, anggota",
                }, "button[formaction*='handler=Save']");
                saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            }

            var forms = new List<List<KeyValuePair<string, string>>>();
            foreach (var chair in chairs)
            {
                var fields = await PlenaryDriver.FormAsync(chair.Client, s.Cycle);
                fields.Add(new("Input.Confirmed", "true"));
                forms.Add(fields);
            }

            // Both POSTs released together.
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var posts = chairs.Select((chair, i) => Task.Run(async () =>
            {
                await gate.Task;
                return await chair.Client.PostFieldsAsync(url + "&handler=Decide", forms[i]);
            })).ToArray();
            gate.SetResult();
            var responses = await Task.WhenAll(posts);

            var context = $"round {round}: {string.Join(", ", responses.Select(r => (int)r.StatusCode))}";
            responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1, context);
            responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, context);
            var winner = Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            responses[winner].Headers.Location!.OriginalString.ShouldBe(url, context);

            var versions = await _plenary.VersionsAsync(s.Cycle);
            versions.Count.ShouldBe(1, context);
            versions[0].Number.ShouldBe($"PRT-{s.Cycle.YearText}-51-001", context);
            versions[0].SupersededAt.ShouldBeNull(context);

            var loser = await PortalClient.ParseAsync(responses[1 - winner]);
            PortalClient.Text(loser.QuerySelector("[data-testid=errors]")).ShouldBe(
                $"Rapat pleno ini sudah ditetapkan oleh {chairs[winner].Name} pada {PlenaryDriver.Wita(versions[0].CreatedAt)} (dokumen {versions[0].Number}). " +
                "Keputusan Anda tidak disimpan; muat ulang halaman untuk melihat keputusan itu.", context);

            // The winner's decision, exactly once.
            (await TestDatabase.ScalarAsync<Guid>(portal.Database, $"SELECT decided_by FROM plenaries WHERE cycle_id = {s.Cycle.Id}")).ShouldBe(chairs[winner].Id, context);
            (await _data.StatusAsync(s.A)).ShouldBe(NominationStatus.Finalist, context);
            (await _data.StatusAsync(s.C)).ShouldBe(NominationStatus.Finalist, context);
            (await _data.StatusAsync(s.B)).ShouldBe(NominationStatus.NotShortlisted, context);
            (await _data.StatusAsync(s.D)).ShouldBe(NominationStatus.NotShortlisted, context);
            var ids = new[] { s.A, s.B, s.C, s.D };
            (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM finalist_decisions WHERE nomination_id = ANY(@ids)", ("ids", ids))).ShouldBe(4, context);
            (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM status_changes WHERE nomination_id = ANY(@ids) AND action IN (7, 8)", ("ids", ids))).ShouldBe(4, context);
            var plenaryId = (await TestDatabase.ScalarAsync<int>(portal.Database, $"SELECT id FROM plenaries WHERE cycle_id = {s.Cycle.Id}")).ToString(CultureInfo.InvariantCulture);
            (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM audit_events WHERE action IN ('finalists.decided', 'decision-document.issued') AND entity_id = @p", ("p", plenaryId)))
                .ShouldBe(2, context);
            (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM audit_events WHERE action = 'plenary.recorded' AND entity_id = @k", ("k", $"{s.Cycle.Id}/51")))
                .ShouldBe(round % 2 == 1 ? 2 : 1, context);
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    private async Task<string> SecondChairAsync()
    {
        const string email = "ketua2.bali@uji.paritrana";
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, FullName = SecondChairName, ProvinceCode = "51", CreatedAt = DateTimeOffset.UtcNow, EmailConfirmed = true };
        (await users.CreateAsync(user, PortalClient.DemoPassword)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.CommitteeChair)).Succeeded.ShouldBeTrue();
        return email;
    }
}
