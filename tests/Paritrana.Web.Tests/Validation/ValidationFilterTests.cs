using System.Globalization;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Cycles;
using Paritrana.Web.Tests.FieldWork;
using Paritrana.Web.Tests.Nominations;

namespace Paritrana.Web.Tests.Validation;

/// <summary>
/// The validation filter (docs/decisions/019) on real forms, posted with their antiforgery tokens:
/// an invalid post comes back with the validator's message beside the field, in Indonesian or, with
/// the English language chosen, in English; nothing is saved; the valid post is saved. The handlers
/// of these pages call no validator: the messages come from the filter alone.
/// </summary>
public class ValidationFilterTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly NominationTestData _data = new(portal);

    [Theory]
    [InlineData(false, "Pilih kantor cabang yang memverifikasi nominasi ini.")]
    [InlineData(true, "Choose the branch office that verifies this nomination.")]
    public async Task A_nomination_of_the_province_without_its_verifying_branch_is_refused_beside_the_field(bool english, string message)
    {
        var cycle = await _data.CycleAsync();
        using var member = await _data.SignedInAsync(NominationTestData.Member);
        if (english)
        {
            await ChooseEnglishAsync(member);
        }

        var url = $"/Nominations/Create?cycle={cycle.YearText}&categoryId={cycle.Categories[CategoryKind.ProvincialGovernment]}";
        var before = await _data.CountAsync("SELECT count(*) FROM nominations WHERE cycle_id = @c", ("c", cycle.Id));

        using var refused = await member.SubmitFormAsync(url, "#nomination-form", new Dictionary<string, string>());

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        FieldError(await PortalClient.ParseAsync(refused), "Input.BranchOfficeId").ShouldBe(message);
        (await _data.CountAsync("SELECT count(*) FROM nominations WHERE cycle_id = @c", ("c", cycle.Id))).ShouldBe(before);

        var gianyar = await _data.ScalarAsync<int>("SELECT id FROM branch_offices WHERE name = 'Kantor Cabang Gianyar'");
        using var saved = await member.SubmitFormAsync(url, "#nomination-form",
            new Dictionary<string, string> { ["Input.BranchOfficeId"] = gianyar.ToString(CultureInfo.InvariantCulture) });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _data.CountAsync("SELECT count(*) FROM nominations WHERE cycle_id = @c AND branch_office_id = @b", ("c", cycle.Id), ("b", gianyar))).ShouldBe(before + 1);
    }

    [Theory]
    [InlineData(false, "Nama lengkap wajib diisi.", "Alamat surel wajib diisi.")]
    [InlineData(true, "The full name is required.", "The e-mail address is required.")]
    public async Task An_account_without_name_and_e_mail_is_refused_beside_both_fields(bool english, string nameMessage, string emailMessage)
    {
        using var admin = await _data.SignedInAsync(NominationTestData.AdminEmail);
        if (english)
        {
            await ChooseEnglishAsync(admin);
        }

        var before = await _data.CountAsync("SELECT count(*) FROM users");
        var fields = new Dictionary<string, string>
        {
            ["Input.FullName"] = "  ",
            ["Input.Email"] = "",
            ["Input.Role"] = "CommitteeMember",
            ["Input.ProvinceCode"] = "51",
        };

        using var refused = await admin.SubmitFormAsync("/Admin/Users/Create", "form#create-account", fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(refused);
        FieldError(page, "Input.FullName").ShouldBe(nameMessage);
        FieldError(page, "Input.Email").ShouldBe(emailMessage);
        FieldError(page, "Input.Role").ShouldBe("");
        (await _data.CountAsync("SELECT count(*) FROM users")).ShouldBe(before);

        var email = $"validasi.{Guid.NewGuid():N}@paritrana.test";
        fields["Input.FullName"] = "Akun Uji Validasi";
        fields["Input.Email"] = email;
        using var saved = await admin.SubmitFormAsync("/Admin/Users/Create", "form#create-account", fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _data.CountAsync("SELECT count(*) FROM users WHERE email = @e AND full_name = 'Akun Uji Validasi'", ("e", email))).ShouldBe(1L);
    }

    [Fact]
    public async Task The_figures_form_of_an_employer_is_checked_with_the_rules_of_its_kind_and_its_cycle_year()
    {
        // The validator reads the nomination's kind and cycle from the route (NominationFacts):
        // an employer's figures are required, and the date may not lie before the year before the cycle's.
        var cycle = await _data.CycleAsync();
        var employer = await _data.EmployerAsync("51.71");
        var id = await _data.NominationAsync(cycle, employer);
        using var member = await _data.SignedInAsync(NominationTestData.Member);
        var url = $"/Nominations/Edit/{id}";
        var stored = await _data.ScalarAsync<string>("SELECT coalesce(workers::text, '(null)') FROM nominations WHERE id = @id", ("id", id));

        var early = new DateOnly(cycle.Year - 2, 12, 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var refused = await member.SubmitFormAsync(url, "#figures-form", new Dictionary<string, string>
        {
            ["Input.FiguresAsOf"] = early,
            ["Input.Workers"] = "",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(refused);
        var start = new DateOnly(cycle.Year - 1, 1, 1).ToString("d MMM yyyy", CultureInfo.GetCultureInfo("id-ID"));
        FieldError(page, "Input.FiguresAsOf").ShouldBe($"Data per tanggal tidak boleh sebelum awal tahun penilaian ({start}).");
        FieldError(page, "Input.Workers").ShouldBe("Jumlah pekerja wajib diisi.");
        FieldError(page, "Input.WorkforceBps").ShouldBe(""); // a government's field: not this nomination's rules
        (await _data.ScalarAsync<string>("SELECT coalesce(workers::text, '(null)') FROM nominations WHERE id = @id", ("id", id))).ShouldBe(stored);
    }

    private static string FieldError(IHtmlDocument page, string field) => NominationTestData.FieldError(page, field);

    /// <summary>The language switch of the layout, as a user clicks it.</summary>
    internal static async Task ChooseEnglishAsync(PortalClient client)
    {
        var home = await client.GetPageAsync("/");
        using var switched = await client.SubmitFormAsync(home, "/", "form.language-switch", new Dictionary<string, string>(), "button[name=language]");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync("/")).DocumentElement.GetAttribute("lang").ShouldBe("en");
    }
}

/// <summary>The visit record form through the filter (its handler calls no validator).</summary>
public class VisitValidationFilterTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>
{
    private readonly FieldWorkTestData _data = new(fixture);

    [Theory]
    [InlineData(false, "Temuan kunjungan wajib diisi.")]
    [InlineData(true, "The visit findings are required.")]
    public async Task A_visit_recorded_without_findings_is_refused_beside_the_field_and_stays_planned(bool english, string message)
    {
        var nomination = await _data.NominationAsync();
        var id = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
        using var member = await _data.SignedInAsync(FieldWorkTestData.BaliMember);
        if (english)
        {
            await ValidationFilterTests.ChooseEnglishAsync(member);
        }

        var url = $"/FieldWork/Visits/Record/{id}";
        using var refused = await member.SubmitFormAsync(url, "#record-visit-form", new Dictionary<string, string>
        {
            ["Input.DoneAt"] = "2026-11-02T10:15",
            ["Input.Findings"] = "   ",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        NominationTestData.FieldError(await PortalClient.ParseAsync(refused), "Input.Findings").ShouldBe(message);
        (await _data.CountAsync("SELECT count(*) FROM visits WHERE id = @id AND status = 1 AND done_at IS NULL", ("id", id))).ShouldBe(1L);
        (await _data.CountAsync("SELECT count(*) FROM audit_events WHERE entity_id = @id AND action LIKE 'visit.%'", ("id", id.ToString(CultureInfo.InvariantCulture)))).ShouldBe(0L);

        using var saved = await member.SubmitFormAsync(url, "#record-visit-form", new Dictionary<string, string>
        {
            ["Input.DoneAt"] = "2026-11-02T10:15",
            ["Input.Findings"] = "  Semua pekerja terdaftar.  ",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _data.CountAsync("SELECT count(*) FROM visits WHERE id = @id AND status = 2 AND findings = 'Semua pekerja terdaftar.'", ("id", id))).ShouldBe(1L);
    }
}
