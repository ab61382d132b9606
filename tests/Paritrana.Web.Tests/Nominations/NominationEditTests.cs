using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using static Paritrana.Web.Tests.Nominations.NominationTestData;

namespace Paritrana.Web.Tests.Nominations;

/// <summary>
/// The edit form of a nomination: every class of bad input is refused with its Indonesian message
/// and nothing is saved; editing stops once the nomination is submitted or its cycle is closed; an
/// edit from a stale form is refused and shows what is stored now.
/// </summary>
public class NominationEditTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string EditConflict = "Nominasi ini baru saja diubah oleh orang lain. Isian di bawah menampilkan data terbaru; periksa lalu simpan lagi bila perlu.";
    private readonly NominationTestData _data = new(portal);

    public static TheoryData<string, string, string, string> BadEmployerInput
    {
        get
        {
            var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new()
            {
                // field, value, field showing the message, message
                { "Input.Workers", "", "Input.Workers", "Jumlah pekerja wajib diisi." },
                { "Input.FiguresAsOf", "", "Input.FiguresAsOf", "Data per tanggal wajib diisi." },
                { "Input.ParticipantsBpu", "-1", "Input.ParticipantsBpu", "Peserta bukan penerima upah (BPU) tidak boleh negatif." },
                { "Input.ArrearsMonths", "-3", "Input.ArrearsMonths", "Tunggakan iuran (bulan) tidak boleh negatif." },
                { "Input.Workers", "5000001", "Input.Workers", "Jumlah pekerja paling banyak 5.000.000." },
                { "Input.ArrearsMonths", "241", "Input.ArrearsMonths", "Tunggakan iuran (bulan) paling banyak 240." },
                { "Input.Workers", "abc", "Input.Workers", "Nilai 'abc' tidak valid untuk Jumlah pekerja." },
                // Too large for a whole number of its kind: the limit, not "Nilai '99999999999' tidak valid".
                { "Input.Workers", "99999999999", "Input.Workers", "Jumlah pekerja paling banyak 2.147.483.647." },
                { "Input.ParticipantsPu", "1000", "Input.ParticipantsPu", "Jumlah peserta PU dan BPU (1.005) melebihi jumlah pekerja (100)." },
                { "Input.VendorsRegistered", "13", "Input.VendorsRegistered", "Jumlah vendor yang terdaftar (13) melebihi jumlah vendor (12)." },
                { "Input.NikValidatedPercent", "100,5", "Input.NikValidatedPercent", "NIK pekerja tervalidasi harus antara 0 dan 100 persen." },
                { "Input.NikValidatedPercent", "-1", "Input.NikValidatedPercent", "NIK pekerja tervalidasi harus antara 0 dan 100 persen." },
                { "Input.FiguresAsOf", tomorrow, "Input.FiguresAsOf", "Data per tanggal tidak boleh di masa depan." },
                { "Input.CsrAmount", "1,250,000", "Input.CsrAmount", "Nilai CSR (Rupiah) tidak dapat dibaca sebagai jumlah Rupiah. Tulis misalnya 1.250.000.000 atau 1250000000,50." },
                { "Input.CsrAmount", "-5.000", "Input.CsrAmount", "Nilai CSR (Rupiah) tidak boleh negatif." },
                { "Input.CsrAmount", "2.000.000.000.000.000", "Input.CsrAmount", "Nilai CSR (Rupiah) paling banyak Rp 1.000.000.000.000.000." },
                { "Input.Programs", "JKN", "Input.Programs", "Program tidak dikenal: JKN." },
                { "Input.Summary", new string('x', 4001), "Input.Summary", "Ringkasan paling banyak 4.000 karakter." },
            };
        }
    }

    [Theory]
    [MemberData(nameof(BadEmployerInput))]
    public async Task Bad_employer_figures_are_refused_with_their_message_and_nothing_is_saved(string field, string value, string errorField, string message)
    {
        var cycle = await _data.SharedCycleAsync();
        var id = await EmployerNominationAsync(cycle);
        using var member = await _data.SignedInAsync(Member);
        var before = await Snapshot(id);

        using var response = await PostEditAsync(member, id, [new(field, value)]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        FieldError(page, errorField).ShouldBe(message);
        (await Snapshot(id)).ShouldBe(before);
    }

    [Fact]
    public async Task Figures_dated_before_the_assessment_year_are_refused()
    {
        var cycle = await _data.SharedCycleAsync();
        var id = await EmployerNominationAsync(cycle);
        using var member = await _data.SignedInAsync(Member);
        var before = await Snapshot(id);
        var assessmentStart = new DateOnly(cycle.Year - 1, 1, 1);

        using (var refused = await PostEditAsync(member, id, [new("Input.FiguresAsOf", assessmentStart.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]))
        {
            FieldError(await PortalClient.ParseAsync(refused), "Input.FiguresAsOf")
                .ShouldBe($"Data per tanggal tidak boleh sebelum awal tahun penilaian (1 Jan {cycle.Year - 1}).");
        }

        (await Snapshot(id)).ShouldBe(before);
        using (var accepted = await PostEditAsync(member, id, [new("Input.FiguresAsOf", assessmentStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await _data.ScalarAsync<string>("SELECT figures_as_of::text FROM nominations WHERE id = @id", ("id", id))).ShouldBe($"{cycle.Year - 1}-01-01");
    }

    public static TheoryData<string, string, string, string> BadGovernmentInput => new()
    {
        { "Input.WorkforceBps", "", "Input.WorkforceBps", "Angkatan kerja (BPS) wajib diisi." },
        { "Input.WorkforceBps", "-1", "Input.WorkforceBps", "Angkatan kerja (BPS) tidak boleh negatif." },
        { "Input.WorkforceBps", "100000001", "Input.WorkforceBps", "Angkatan kerja (BPS) paling banyak 100.000.000." },
        { "Input.WorkforceBps", "99999999999999999999", "Input.WorkforceBps", "Angkatan kerja (BPS) paling banyak 9.223.372.036.854.775.807." },
        { "Input.ProtectedBpu", "", "Input.ProtectedBpu", "Pekerja terlindungi BPU wajib diisi." },
        { "Input.ProtectedPu", "990", "Input.ProtectedPu", "Jumlah pekerja terlindungi PU dan BPU (1.040) melebihi angkatan kerja BPS (1.000)." },
        { "Input.NonAsnCovered", "31", "Input.NonAsnCovered", "Pekerja non-ASN yang terlindungi (31) melebihi jumlah pekerja non-ASN (30)." },
        { "Input.NonAsnWorkers", "", "Input.NonAsnCovered", "Isi juga jumlah pekerja non-ASN bila yang terlindungi diisi." },
    };

    [Theory]
    [MemberData(nameof(BadGovernmentInput))]
    public async Task Bad_government_figures_are_refused_with_their_message_and_nothing_is_saved(string field, string value, string errorField, string message)
    {
        var cycle = await _data.SharedCycleAsync();
        var id = await GovernmentNominationAsync(cycle);
        using var member = await _data.SignedInAsync(Member);
        var before = await Snapshot(id);

        using var response = await PostEditAsync(member, id, [new(field, value)]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FieldError(await PortalClient.ParseAsync(response), errorField).ShouldBe(message);
        (await Snapshot(id)).ShouldBe(before);
    }

    public static TheoryData<string, string[], string[]> BadListItems => new()
    {
        // form, fields (name=value), expected "field: message" (the year bound {Y} is the cycle's year)
        { "#regulation-form", [], ["Regulation.Type: Jenis peraturan wajib diisi.", "Regulation.Number: Nomor wajib diisi.", "Regulation.Year: Tahun wajib diisi.", "Regulation.Title: Judul wajib diisi."] },
        { "#regulation-form", ["Regulation.Type=Perda", "Regulation.Number=5", "Regulation.Year=1999", "Regulation.Title=Perda"], ["Regulation.Year: Tahun harus antara 2000 dan {Y}."] },
        { "#regulation-form", ["Regulation.Type=Perda", "Regulation.Number=5", "Regulation.Year={Y+1}", "Regulation.Title=Perda"], ["Regulation.Year: Tahun harus antara 2000 dan {Y}."] },
        { "#regulation-form", ["Regulation.Type=Perda", "Regulation.Number=5", "Regulation.Year={Y}", "Regulation.Title=" + "{501}"], ["Regulation.Title: Judul paling banyak 500 karakter."] },
        { "#budget-form", [], ["Budget.Year: Tahun anggaran wajib diisi.", "Budget.Amount: Jumlah (Rupiah) wajib diisi.", "Budget.Purpose: Peruntukan wajib diisi."] },
        { "#budget-form", ["Budget.Year={Y}", "Budget.Amount=satu miliar", "Budget.Purpose=Iuran"], ["Budget.Amount: Jumlah (Rupiah) tidak dapat dibaca sebagai jumlah Rupiah. Tulis misalnya 1.250.000.000 atau 1250000000,50."] },
        { "#budget-form", ["Budget.Year={Y}", "Budget.Amount=-1.000", "Budget.Purpose=Iuran"], ["Budget.Amount: Jumlah (Rupiah) tidak boleh negatif."] },
        { "#budget-form", ["Budget.Year={Y}", "Budget.Amount=1.000", "Budget.Purpose=Iuran", "Budget.WorkersCovered=-5"], ["Budget.WorkersCovered: Pekerja yang dilindungi tidak boleh negatif."] },
        { "#innovation-form", ["Innovation.Year=1999"], ["Innovation.Title: Nama inovasi wajib diisi.", "Innovation.Year: Tahun dimulai harus antara 2000 dan {Y}."] },
    };

    [Theory]
    [MemberData(nameof(BadListItems))]
    public async Task Bad_regulations_budgets_and_innovations_are_refused_and_nothing_is_added(string form, string[] fields, string[] expected)
    {
        var cycle = await _data.SharedCycleAsync();
        var id = await GovernmentNominationAsync(cycle);
        using var member = await _data.SignedInAsync(Member);
        var before = await Snapshot(id);
        string Fill(string s) => s.Replace("{Y+1}", (cycle.Year + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{Y}", cycle.YearText, StringComparison.Ordinal)
            .Replace("{501}", new string('x', 501), StringComparison.Ordinal);

        var url = $"/Nominations/Edit/{id}";
        var values = fields.Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => Fill(f[1]));
        using var response = await member.SubmitFormAsync(url, form, values);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        page.QuerySelectorAll($"{form} [data-valmsg-for]").Where(e => PortalClient.Text(e).Length > 0)
            .Select(e => $"{e.GetAttribute("data-valmsg-for")}: {PortalClient.Text(e)}")
            .ShouldBe(expected.Select(Fill));
        (await Snapshot(id)).ShouldBe(before);
        (await _data.CountAsync(
            "SELECT (SELECT count(*) FROM government_regulations WHERE nomination_id = @id) + (SELECT count(*) FROM budget_allocations WHERE nomination_id = @id) + (SELECT count(*) FROM innovations WHERE nomination_id = @id)",
            ("id", id))).ShouldBe(0L);
    }

    [Fact]
    public async Task Editing_is_refused_once_the_nomination_is_submitted()
    {
        var cycle = await _data.SharedCycleAsync();
        var id = await EmployerNominationAsync(cycle);
        using var member = await _data.SignedInAsync(Member);
        var editUrl = $"/Nominations/Edit/{id}";
        var edit = await member.GetPageAsync(editUrl);
        using (var submitted = await member.SubmitFormAsync($"/Nominations/Details/{id}", "#action-Submit", new Dictionary<string, string>()))
        {
            submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var before = await Snapshot(id);
        using (var refused = await member.SubmitFormAsync(edit, editUrl, "#figures-form", new Dictionary<string, string> { ["Input.Workers"] = "150" }))
        {
            refused.Headers.Location!.OriginalString.ShouldBe($"/Nominations/Details/{id}");
            var details = await PortalClient.ParseAsync(await member.FollowAsync(refused));
            PortalClient.Text(details.QuerySelector(".alert-danger")).ShouldStartWith("Nominasi berstatus Diajukan; angkanya hanya dapat diubah selama berstatus Draf atau Dikembalikan.");
        }

        (await Snapshot(id)).ShouldBe(before);
        using (var get = await member.GetAsync(editUrl))
        {
            get.Headers.Location!.OriginalString.ShouldBe($"/Nominations/Details/{id}");
        }
    }

    [Fact]
    public async Task An_edit_from_a_stale_form_is_refused_and_shows_the_stored_figures()
    {
        var cycle = await _data.SharedCycleAsync();
        var id = await EmployerNominationAsync(cycle);
        using var first = await _data.SignedInAsync(Member);
        using var second = await _data.SignedInAsync(Chair);
        var url = $"/Nominations/Edit/{id}";
        var firstForm = await first.GetPageAsync(url);
        var secondForm = await second.GetPageAsync(url);

        using (var saved = await first.SubmitFormAsync(firstForm, url, "#figures-form", new Dictionary<string, string> { ["Input.Workers"] = "101" }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var after = await Snapshot(id);
        using (var stale = await second.SubmitFormAsync(secondForm, url, "#figures-form", new Dictionary<string, string> { ["Input.Workers"] = "102", ["Input.ArrearsMonths"] = "2" }))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await PortalClient.ParseAsync(stale);
            Summary(page).ShouldBe(EditConflict);
            page.QuerySelector<IHtmlInputElement>("#Input_Workers")!.Value.ShouldBe("101");
            page.QuerySelector<IHtmlInputElement>("#Input_ArrearsMonths")!.Value.ShouldBe("0");
            page.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value
                .ShouldBe((await _data.ScalarAsync<string>("SELECT xmin::text FROM nominations WHERE id = @id", ("id", id)))!);
        }

        (await Snapshot(id)).ShouldBe(after);
        (await _data.ScalarAsync<int>("SELECT workers FROM nominations WHERE id = @id", ("id", id))).ShouldBe(101);
    }

    [Fact]
    public async Task A_list_item_added_from_a_stale_page_is_refused()
    {
        var cycle = await _data.SharedCycleAsync();
        var id = await GovernmentNominationAsync(cycle);
        using var member = await _data.SignedInAsync(Member);
        var url = $"/Nominations/Edit/{id}";
        var stalePage = await member.GetPageAsync(url);
        using (var saved = await member.SubmitFormAsync(url, "#figures-form", new Dictionary<string, string> { ["Input.NonAsnWorkers"] = "40" }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var stale = await member.SubmitFormAsync(stalePage, url, "#innovation-form", new Dictionary<string, string> { ["Innovation.Title"] = "Inovasi dari halaman lama" });

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        Summary(await PortalClient.ParseAsync(stale)).ShouldBe(EditConflict);
        (await _data.CountAsync("SELECT count(*) FROM innovations WHERE nomination_id = @id", ("id", id))).ShouldBe(0L);
    }

    [Fact]
    public async Task A_closed_cycle_refuses_changes_by_the_committee()
    {
        var cycle = await _data.CycleAsync();
        var employer = await _data.EmployerAsync("51.71");
        var id = await _data.NominationAsync(cycle, employer);
        using var member = await _data.SignedInAsync(Member);
        var details = await member.GetPageAsync($"/Nominations/Details/{id}");
        var edit = await member.GetPageAsync($"/Nominations/Edit/{id}");
        await _data.CloseAsync(cycle);
        var before = await Snapshot(id);
        var closed = $"Siklus {cycle.YearText} sudah ditutup; nominasinya hanya dapat diubah oleh administrator.";

        using (var refused = await member.SubmitFormAsync(edit, $"/Nominations/Edit/{id}", "#figures-form", new Dictionary<string, string> { ["Input.Workers"] = "150" }))
        {
            refused.Headers.Location!.OriginalString.ShouldBe($"/Nominations/Details/{id}");
            PortalClient.Text((await PortalClient.ParseAsync(await member.FollowAsync(refused))).QuerySelector(".alert-danger")).ShouldStartWith(closed);
        }

        using (var refused = await member.SubmitFormAsync(details, $"/Nominations/Details/{id}", "#action-Submit", new Dictionary<string, string>()))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await PortalClient.ParseAsync(refused);
            PortalClient.Text(page.QuerySelector("[data-testid=transition-error]")).ShouldBe(closed);
            page.QuerySelector("[data-testid=actions]").ShouldBeNull();
        }

        var create = await member.GetPageAsync($"/Nominations/Create?cycle={cycle.YearText}");
        PortalClient.Text(create.QuerySelector("[data-testid=blocked]")).ShouldBe(closed);
        var list = await member.GetPageAsync($"/Nominations?cycle={cycle.YearText}");
        list.QuerySelector("[data-testid=create-nomination]").ShouldBeNull();
        (await Snapshot(id)).ShouldBe(before);
        (await _data.CountAsync("SELECT count(*) FROM status_changes WHERE nomination_id = @id", ("id", id))).ShouldBe(0L);

        // The administrator still may (here: withdraw, with a reason).
        using var admin = await _data.SignedInAsync(AdminEmail);
        using (var withdrawn = await admin.SubmitFormAsync($"/Nominations/Details/{id}", "#action-Withdraw", new Dictionary<string, string> { ["reason"] = "Perusahaan tutup." }))
        {
            withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await _data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @id", ("id", id))).ShouldBe((int)NominationStatus.Withdrawn);
    }

    [Fact]
    public async Task A_government_nomination_without_figures_cannot_be_submitted()
    {
        var cycle = await _data.SharedCycleAsync();
        using var member = await _data.SignedInAsync(Member);
        int id;
        using (var created = await member.SubmitFormAsync(
                   $"/Nominations/Create?cycle={cycle.YearText}&categoryId={cycle.Categories[CategoryKind.RegencyGovernment]}",
                   "#nomination-form", new Dictionary<string, string> { ["Input.RegencyCode"] = "51.02" }))
        {
            id = IdFromLocation(created);
        }

        using var refused = await member.SubmitFormAsync($"/Nominations/Details/{id}", "#action-Submit", new Dictionary<string, string>());

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalClient.Text((await PortalClient.ParseAsync(refused)).QuerySelector("[data-testid=transition-error]"))
            .ShouldBe("Lengkapi dulu angka cakupan nominasi ini sebelum mengajukannya untuk verifikasi.");
        (await _data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @id", ("id", id))).ShouldBe((int)NominationStatus.Draft);
    }

    /// <summary>A Bali employer's draft with valid figures, and vendors 10 of 12, written directly.</summary>
    private async Task<int> EmployerNominationAsync(TestCycle cycle)
    {
        var employer = await _data.EmployerAsync("51.71");
        var id = await _data.NominationAsync(cycle, employer);
        await TestDatabase.ExecuteAsync($"UPDATE nominations SET vendor_count = 12, vendors_registered = 10 WHERE id = {id}", portal.Database);
        return id;
    }

    /// <summary>A village government's draft with valid figures (a new village each call, so that no two tests share it).</summary>
    private async Task<int> GovernmentNominationAsync(TestCycle cycle)
    {
        await using var db = _data.NewContext();
        var now = DateTimeOffset.UtcNow;
        var village = new Organisation
        {
            Type = OrganisationType.Government,
            GovernmentLevel = GovernmentLevel.Village,
            Name = "Pemerintah Desa Uji " + Guid.NewGuid().ToString("N")[..8],
            ProvinceCode = "51",
            RegencyCode = "51.71",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Organisations.Add(village);
        await db.SaveChangesAsync();
        var nomination = new Nomination
        {
            CycleId = cycle.Id,
            CategoryId = cycle.Categories[CategoryKind.VillageGovernment],
            OrganisationId = village.Id,
            ProvinceCode = "51",
            RegencyCode = "51.71",
            BranchOfficeId = await _data.ScalarAsync<int>("SELECT id FROM branch_offices WHERE name = 'Kantor Cabang Denpasar'"),
            WorkforceBps = 1000,
            ProtectedPu = 500,
            ProtectedBpu = 50,
            NonAsnWorkers = 30,
            NonAsnCovered = 20,
            CreatedBy = Guid.Empty,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination.Id;
    }

    private static async Task<HttpResponseMessage> PostEditAsync(PortalClient client, int id, List<KeyValuePair<string, string>> values)
    {
        var url = $"/Nominations/Edit/{id}";
        return await client.SubmitFormFieldsAsync(await client.GetPageAsync(url), url, "#figures-form", values);
    }

    /// <summary>The whole nomination row with its version: equal before and after means nothing was written.</summary>
    private async Task<string?> Snapshot(int id) =>
        await _data.ScalarAsync<string>("SELECT xmin::text || ' ' || row_to_json(n)::text FROM nominations n WHERE id = @id", ("id", id));
}
