using System.Globalization;

namespace Paritrana.Web.Tests.Candidates;

/// <summary>
/// A returned self-assessment is the representatives' work (docs/decisions/051): told in the bell and
/// by mail like every notification, and settled, its unsent mail cancelled, when they send it again.
/// Its own portal: it changes KAPIT MAS's demo submission that <see cref="SelfAssessmentTests"/> reads.
/// </summary>
public class SelfAssessmentReturnTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private Task<int> CurrentNominationAsync(string organisation) =>
        TestDatabase.ScalarAsync<int>(portal.Database,
            $"SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles c ON c.id = n.cycle_id WHERE c.is_current AND o.name = '{organisation}'");

    [Fact]
    public async Task A_return_is_mailed_to_the_representative_and_sending_it_again_settles_it_and_cancels_the_unsent_mail()
    {
        var id = await CurrentNominationAsync("KAPIT MAS");
        var work = $"self-assessment-returned:{id}";
        // The demo's returned submission, sent again (its figures were validated when saved); the portal here has no mail server.
        await TestDatabase.ExecuteAsync($"UPDATE self_assessments SET status = 'Submitted' WHERE nomination_id = {id}", portal.Database);
        var state = $"""
            SELECT concat_ws('|',
              (SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'kandidat.kapitmas@paritrana.demo' AND n.work_key = '{work}' AND n.settled_at IS NULL),
              (SELECT count(*) FROM notifications WHERE work_key = '{work}' AND settled_at IS NOT NULL),
              (SELECT count(*) FROM outbox_mails WHERE work_key = '{work}' AND recipient = 'kandidat.kapitmas@paritrana.demo' AND sent_at IS NULL AND cancelled_at IS NULL),
              (SELECT count(*) FROM outbox_mails WHERE work_key = '{work}' AND cancelled_at IS NOT NULL))
            """;
        // The demo's return (Bali's chair, three days ago) is still the representative's work: in the bell, its mail never queued (the seeder has no outbox).
        (await TestDatabase.ScalarAsync<string>(portal.Database, state)).ShouldBe("1|0|0|0");

        using var chair = portal.Factory.CreatePortalClient();
        await chair.SignedInAsAsync("ketua.bali@paritrana.demo");
        var resubmitBy = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var returned = await chair.SubmitFormAsync($"/Nominations/SelfAssessment/{id}", "#return-form", new Dictionary<string, string>
        {
            ["Return.Reason"] = "Lampirkan daftar vendor beserta nomor kepesertaannya.",
            ["Return.ResubmitBy"] = resubmitBy,
        }))
        {
            returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // Told in the bell and by mail (no choice made: at once), as the representative's own work.
        (await TestDatabase.ScalarAsync<string>(portal.Database, state)).ShouldBe("2|0|1|0");

        using var candidate = portal.Factory.CreatePortalClient();
        await candidate.SignedInAsAsync("kandidat.kapitmas@paritrana.demo");
        using (var sent = await candidate.SubmitFormAsync($"/Candidate/SelfAssessment/{id}", "#submit-form", new Dictionary<string, string>()))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT status FROM self_assessments WHERE nomination_id = {id}")).ShouldBe("Submitted");
        (await TestDatabase.ScalarAsync<string>(portal.Database, state)).ShouldBe("0|2|0|1");
    }
}
