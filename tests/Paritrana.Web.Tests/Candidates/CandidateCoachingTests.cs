using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Web.Tests.Security;

namespace Paritrana.Web.Tests.Candidates;

/// <summary>
/// Issue 18, points 1 and 3 (docs/decisions/050) on the demo: the committee invites a candidate's
/// representative from a nomination (bound to its organisation, an address of another account
/// refused), the representative's area shows the nomination's visits in its own time and the
/// coaching items addressed to it (never the others, never the committee's notes), the representative
/// answers an item with a note and a file (nothing else changes), and the committee resolves it.
/// </summary>
public class CandidateCoachingTests(CandidateCoachingTests.Fixture portal) : IClassFixture<CandidateCoachingTests.Fixture>
{
    public const string Denpasar = "kandidat.denpasar@paritrana.demo";
    public const string Chair = "ketua.bali@paritrana.demo";

    /// <summary>The demo portal with a limit of two answers per representative per hour.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private PortalFactory? _factory;

        public PortalFactory Factory => _factory!;

        public string Database => Factory.Database;

        public async Task InitializeAsync()
        {
            _factory = new PortalFactory(await TestDatabase.CreateAsync("cc"), settings: new Dictionary<string, string?>
            {
                ["Security:CandidateAnswersPerHour"] = "2",
            });
            _ = _factory.Server;
        }

        public async Task DisposeAsync()
        {
            await _factory!.DisposeAsync();
            await TestDatabase.DropAsync(_factory.Database);
        }
    }

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private async Task<int> DenpasarNominationAsync() =>
        await TestDatabase.ScalarAsync<int>(portal.Database,
            "SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles c ON c.id = n.cycle_id WHERE o.name = 'Pemerintah Kota Denpasar' AND c.is_current");

    [Fact]
    public async Task The_committee_invites_a_representative_bound_to_the_nominations_organisation_and_an_address_of_another_account_is_refused()
    {
        var nomination = await DenpasarNominationAsync();
        using var chair = portal.Factory.CreatePortalClient();
        await chair.SignedInAsAsync(Chair);
        var url = $"/Nominations/Representatives/{nomination}";

        // An address of another role's account: refused beside the field, nothing created.
        var users = await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM users");
        using (var refused = await chair.SubmitFormAsync(url, "#invite-form", new Dictionary<string, string> { ["Input.FullName"] = "Anggota", ["Input.Email"] = "anggota.bali@paritrana.demo" }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await PortalClient.ParseAsync(refused);
            PortalClient.Text(page.QuerySelector("[data-valmsg-for='Input.Email']"))
                .ShouldBe("Alamat surel anggota.bali@paritrana.demo sudah dipakai akun lain dan tidak dapat diundang sebagai perwakilan kandidat.");
        }

        // Another organisation's representative: refused too.
        using (var refused = await chair.SubmitFormAsync(url, "#invite-form", new Dictionary<string, string> { ["Input.FullName"] = "X", ["Input.Email"] = "kandidat.kapitmas@paritrana.demo" }))
        {
            PortalClient.Text((await PortalClient.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Input.Email']")).ShouldContain("sudah dipakai akun lain");
        }

        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM users")).ShouldBe(users);

        // A posted organisation id is not a field: the account is the nomination's organisation's.
        var page2 = await chair.GetPageAsync(url);
        var fields = PortalClient.ReadForm(page2.QuerySelector<IHtmlFormElement>("#invite-form")!);
        fields.RemoveAll(f => f.Key.StartsWith("Input.", StringComparison.Ordinal));
        fields.Add(new("Input.FullName", "Ni Made Perwakilan"));
        fields.Add(new("Input.Email", " Made.Baru@Denpasarkota.example "));
        fields.Add(new("Input.OrganisationId", "1"));
        fields.Add(new("OrganisationId", "1"));
        using (var sent = await chair.PostFieldsAsync(url + "?handler=Invite", fields))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var organisation = await TestDatabase.ScalarAsync<string>(portal.Database,
            "SELECT o.name || '|' || r.name || '|' || coalesce(u.province_code, '-') || '|' || (u.password_hash IS NULL) FROM users u JOIN organisations o ON o.id = u.organisation_id JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE u.email = 'made.baru@denpasarkota.example'");
        organisation.ShouldBe("Pemerintah Kota Denpasar|CandidateRepresentative|-|true");
        (await TestDatabase.ScalarAsync<long>(portal.Database,
            "SELECT count(*) FROM account_invitations i JOIN users u ON u.id = i.user_id WHERE u.email = 'made.baru@denpasarkota.example' AND i.ended_at IS NULL AND i.accepted_at IS NULL")).ShouldBe(1L);
        (await TestDatabase.ScalarAsync<long>(portal.Database,
            "SELECT count(*) FROM outbox_mails WHERE recipient = 'made.baru@denpasarkota.example'")).ShouldBe(1L);

        var list = await chair.GetPageAsync(url);
        var row = list.QuerySelector("[data-testid=representative][data-email='made.baru@denpasarkota.example']")!;
        PortalClient.Text(row.QuerySelector("[data-testid=representative-state]")).ShouldStartWith("Diundang, berlaku sampai");
        list.QuerySelector("[data-testid=representative][data-email='kandidat.denpasar@paritrana.demo']").ShouldNotBeNull();
        list.QuerySelector("[data-testid=representative][data-email='kandidat.kapitmas@paritrana.demo']").ShouldBeNull();

        // Revoke: audited in Bali, the link ends.
        var revokeForm = row.QuerySelectorAll<IHtmlFormElement>("form").Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Revoke", StringComparison.Ordinal));
        using (var revoked = await chair.PostFieldsAsync(System.Net.WebUtility.HtmlDecode(revokeForm.GetAttribute("action")!), PortalClient.ReadForm(revokeForm)))
        {
            revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await TestDatabase.ScalarAsync<string>(portal.Database,
            "SELECT a.province_code FROM audit_events a JOIN users u ON a.entity_id = u.id::text WHERE u.email = 'made.baru@denpasarkota.example' AND a.action = 'user.invitation-revoked'")).ShouldBe("51");
    }

    [Fact]
    public async Task Another_organisations_representative_cannot_be_resent_revoked_or_disabled_from_this_nomination_by_a_posted_id()
    {
        var nomination = await DenpasarNominationAsync();
        using var chair = portal.Factory.CreatePortalClient();
        await chair.SignedInAsAsync(Chair);
        var url = $"/Nominations/Representatives/{nomination}";
        var kapitmas = await TestDatabase.ScalarAsync<Guid>(portal.Database, "SELECT id FROM users WHERE email = 'kandidat.kapitmas@paritrana.demo'");
        var member = await TestDatabase.ScalarAsync<Guid>(portal.Database, "SELECT id FROM users WHERE email = 'anggota.bali@paritrana.demo'");
        var page = await chair.GetPageAsync(url);
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var before = await TestDatabase.ScalarAsync<string>(portal.Database, "SELECT string_agg(id || ':' || is_disabled || ':' || xmin::text, ',' ORDER BY id) FROM users");

        foreach (var handler in new[] { "Resend", "Revoke", "Disable" })
        {
            foreach (var user in new[] { kapitmas, member })
            {
                using var response = await chair.PostFieldsAsync($"{url}?handler={handler}&user={user}", [new("__RequestVerificationToken", token)]);
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{handler} {user}");
            }
        }

        (await TestDatabase.ScalarAsync<string>(portal.Database, "SELECT string_agg(id || ':' || is_disabled || ':' || xmin::text, ',' ORDER BY id) FROM users")).ShouldBe(before);
    }

    [Fact]
    public async Task The_representative_sees_the_visits_in_its_own_time_and_only_the_items_addressed_to_it_never_the_committees_notes()
    {
        var nomination = await DenpasarNominationAsync();
        using var client = portal.Factory.CreatePortalClient();
        await client.SignedInAsAsync(Denpasar);

        var page = await client.GetPageAsync($"/Candidate/Nomination/{nomination}");

        PortalClient.Text(page.QuerySelector("[data-testid=candidate-stage]")).ShouldBe("Dalam penilaian panitia provinsi");
        // The demo's two visits (fieldwork.json) at 09:00 Bali time, labelled WITA.
        var times = page.QuerySelectorAll("[data-testid=visit-time]").Select(PortalClient.Text).ToList();
        times.Count.ShouldBe(2);
        times.ShouldAllBe(t => t.EndsWith("09.00 WITA", StringComparison.Ordinal) || t.EndsWith("09:00 WITA", StringComparison.Ordinal));
        // The demo addresses both items to Denpasar; an item not addressed to it is not listed.
        var hidden = await TestDatabase.ScalarAsync<int>(portal.Database,
            $"INSERT INTO coaching_items (nomination_id, province_code, regency_code, finding, recommendation, due_date, status, created_by, created_at, updated_at, shared_with_candidate) SELECT id, province_code, regency_code, 'Catatan internal panitia', 'Internal', current_date + 10, 1, created_by, now(), now(), false FROM nominations WHERE id = {nomination} RETURNING id");
        page = await client.GetPageAsync($"/Candidate/Nomination/{nomination}");
        page.QuerySelectorAll("[data-testid=candidate-item]").Length.ShouldBe(2);
        var text = page.Body!.TextContent;
        text.ShouldNotContain("Catatan internal panitia");
        // Nothing of the visit's findings, documents or interview notes, nor the committee's resolution note.
        text.ShouldNotContain("Rincian kepesertaan pegawai non-ASN");
        text.ShouldNotContain("Kepala dinas menjelaskan");
        using (var response = await client.GetAsync($"/Candidate/Coaching/{hidden}"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var resolved = await TestDatabase.ScalarAsync<int>(portal.Database, $"SELECT id FROM coaching_items WHERE nomination_id = {nomination} AND status = 3");
        var item = await client.GetPageAsync($"/Candidate/Coaching/{resolved}");
        PortalClient.Text(item.QuerySelector("[data-testid=candidate-item-state]")).ShouldBe("Selesai");
        item.Body!.TextContent.ShouldNotContain("di luar tahun penilaian"); // the committee's resolution note
        item.QuerySelector("[data-testid=my-answer]").ShouldNotBeNull();
        item.QuerySelectorAll("[data-testid=candidate-file]").Length.ShouldBe(1);
        await TestDatabase.ExecuteAsync($"DELETE FROM coaching_items WHERE id = {hidden}", portal.Database);
    }

    [Fact]
    public async Task The_representative_answers_an_item_with_a_file_the_nomination_is_untouched_and_the_committee_resolves_it()
    {
        var nomination = await DenpasarNominationAsync();
        var itemId = await TestDatabase.ScalarAsync<int>(portal.Database,
            $"SELECT id FROM coaching_items WHERE nomination_id = {nomination} AND shared_with_candidate AND status IN (1, 2) AND candidate_answered_at IS NULL");
        var nominationBefore = await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT xmin::text || status FROM nominations WHERE id = {nomination}");
        using var client = portal.Factory.CreatePortalClient();
        await client.SignedInAsAsync(Denpasar);

        // A note is required, beside its field; nothing is saved.
        using (var empty = await AnswerAsync(client, itemId, "  ", null))
        {
            empty.StatusCode.ShouldBe(HttpStatusCode.OK);
            PortalClient.Text((await PortalClient.ParseAsync(empty)).QuerySelector("[data-valmsg-for='Input.Note']")).ShouldBe("Tuliskan apa yang sudah diperbaiki.");
        }

        using (var answered = await AnswerAsync(client, itemId, "Surat edaran wali kota sudah terbit.", ("surat-edaran.pdf", Pdf)))
        {
            answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await TestDatabase.ScalarAsync<string>(portal.Database,
            $"SELECT status || '|' || candidate_answer || '|' || (candidate_answered_at IS NOT NULL) FROM coaching_items WHERE id = {itemId}"))
            .ShouldBe("1|Surat edaran wali kota sudah terbit.|true");
        (await TestDatabase.ScalarAsync<string>(portal.Database,
            $"SELECT f.file_name || '|' || u.email FROM evidence_files f JOIN users u ON u.id = f.uploaded_by WHERE f.coaching_item_id = {itemId}"))
            .ShouldBe("surat-edaran.pdf|kandidat.denpasar@paritrana.demo");
        (await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT xmin::text || status FROM nominations WHERE id = {nomination}")).ShouldBe(nominationBefore);
        // The committee of Bali hears of it (the chair and the member), in Bali.
        (await TestDatabase.ScalarAsync<string>(portal.Database,
            $"SELECT string_agg(u.email || ':' || n.province_code, ',' ORDER BY u.email) FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'CoachingAnswered' AND n.link = '/FieldWork/Coaching/Item/{itemId}'"))
            .ShouldBe("anggota.bali@paritrana.demo:51,ketua.bali@paritrana.demo:51");

        // The committee sees it on the nomination's field work and resolves it.
        using var chair = portal.Factory.CreatePortalClient();
        await chair.SignedInAsAsync(Chair);
        var fieldWork = await chair.GetPageAsync($"/FieldWork/Nomination/{nomination}");
        fieldWork.QuerySelector($"[data-testid=item][data-item-id='{itemId}'] [data-testid=answered-by-candidate]").ShouldNotBeNull();
        var itemPage = await chair.GetPageAsync($"/FieldWork/Coaching/Item/{itemId}");
        PortalClient.Text(itemPage.QuerySelector("[data-testid=candidate-answer]")).ShouldContain("Surat edaran wali kota sudah terbit.");
        // The nomination's timeline tells it too: the candidate's answer, with its note and who.
        var timeline = await chair.GetPageAsync($"/FieldWork/Timeline/{nomination}");
        // (The demo's other item was answered before: two such entries, this one with its note.)
        var answeredEntry = timeline.QuerySelectorAll("[data-testid=entry][data-event=CoachingAnswered]")
            .Where(e => e.TextContent.Contains("Surat edaran wali kota sudah terbit.", StringComparison.Ordinal)).ShouldHaveSingleItem();
        PortalClient.Text(answeredEntry.QuerySelector("[data-testid=entry-what]")).ShouldBe("Kandidat menjawab butir pembinaan");
        PortalClient.Text(answeredEntry.QuerySelector("[data-testid=entry-who]")).ShouldBe("Kadek Perwakilan Denpasar");
        using (var resolved = await chair.SubmitFormAsync(itemPage, $"/FieldWork/Coaching/Item/{itemId}", "#resolve-form",
                   new Dictionary<string, string> { ["Input.ResolutionNote"] = "Salinan surat edaran diterima." }))
        {
            resolved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // The representative is told, with no province (about their own organisation's item).
        (await TestDatabase.ScalarAsync<string>(portal.Database,
            $"SELECT n.kind || ':' || coalesce(n.province_code, '-') FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = '{Denpasar}' AND n.link = '/Candidate/Coaching/{itemId}' ORDER BY n.id DESC LIMIT 1"))
            .ShouldBe("CoachingResolvedForCandidate:-");
        (await TestDatabase.ScalarAsync<long>(portal.Database,
            $"SELECT count(*) FROM notifications WHERE kind = 'CoachingAnswered' AND link = '/FieldWork/Coaching/Item/{itemId}' AND settled_at IS NULL")).ShouldBe(0L);
        var bell = await client.GetPageAsync("/Notifications");
        bell.Body!.TextContent.ShouldContain("Butir pembinaan dinyatakan selesai");
        var mine = await client.GetPageAsync($"/Candidate/Coaching/{itemId}");
        PortalClient.Text(mine.QuerySelector("[data-testid=candidate-item-state]")).ShouldBe("Selesai");
        mine.Body!.TextContent.ShouldNotContain("Salinan surat edaran diterima.");
    }

    [Fact]
    public async Task A_representative_is_refused_past_their_hourly_answers_with_a_clear_message()
    {
        var nomination = await DenpasarNominationAsync();
        // Two addressed items of its own, each returned after an answer so that it takes another.
        var item = await TestDatabase.ScalarAsync<int>(portal.Database,
            $"INSERT INTO coaching_items (nomination_id, province_code, regency_code, finding, recommendation, due_date, status, created_by, created_at, updated_at, shared_with_candidate) SELECT id, province_code, regency_code, 'Batas jawaban', 'Uji', current_date + 10, 1, created_by, now(), now(), true FROM nominations WHERE id = {nomination} RETURNING id");
        await TestDatabase.ExecuteAsync("DELETE FROM sign_in_attempts WHERE client_address LIKE 'candidate-answer:%'", portal.Database);
        using var client = portal.Factory.CreatePortalClient();
        await client.SignedInAsAsync("kandidat.denpasar@paritrana.demo");
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await AnswerAsync(client, item, $"Jawaban {i}", null);
            answers.Add(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                PortalClient.Text((await PortalClient.ParseAsync(response)).QuerySelector(".validation-summary-errors"))
                    .ShouldBe("Anda sudah mengirim 2 jawaban dalam satu jam terakhir. Coba lagi nanti.");
            }

            await TestDatabase.ExecuteAsync($"UPDATE coaching_items SET candidate_answered_at = NULL WHERE id = {item}", portal.Database);
        }

        answers.ShouldBe(["302", "302", "200"]);
        (await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT candidate_answer FROM coaching_items WHERE id = {item}")).ShouldBe("Jawaban 1");
        await TestDatabase.ExecuteAsync($"DELETE FROM sign_in_attempts WHERE client_address LIKE 'candidate-answer:%'; DELETE FROM notifications WHERE link LIKE '%/{item}'; DELETE FROM coaching_items WHERE id = {item}", portal.Database);
    }

    public static async Task<HttpResponseMessage> AnswerAsync(PortalClient client, int itemId, string note, (string Name, byte[] Bytes)? file)
    {
        var page = await client.GetPageAsync($"/Candidate/Coaching/{itemId}");
        var form = page.QuerySelector<IHtmlFormElement>("#answer-form") ?? throw new InvalidOperationException("No answer form.");
        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in PortalClient.ReadForm(form).Where(f => f.Key != "Input.Note"))
        {
            multipart.Add(new StringContent(value), name);
        }

        multipart.Add(new StringContent(note), "Input.Note");
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
            multipart.Add(content, "Input.File", f.Name);
        }

        return await client.Http.PostAsync(new Uri($"/Candidate/Coaching/{itemId}", UriKind.Relative), multipart);
    }
}
