using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.Cycles;

namespace Paritrana.Web.Tests.Cycles;

/// <summary>
/// The administrator opens award cycles with their stage dates and categories, marks one as
/// current, closes and reopens them. Each test uses its own years; refused saves change nothing.
/// </summary>
public class CycleAdminTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Admin = "admin@paritrana.demo";

    private CycleBuilder Build => new(portal.Database);

    private static readonly (string Start, string End)[] Plan2036 =
    [
        ("2036-01-12", "2036-03-27"),
        ("2036-02-02", "2036-04-17"),
        ("2036-04-06", "2036-06-12"),
        ("2036-06-01", "2036-07-03"),
        ("2036-07-13", "2036-07-13"),
        ("2036-07-20", "2036-08-28"),
    ];

    [Fact]
    public async Task The_administrator_creates_cycle_2036_with_the_default_categories()
    {
        using var client = await SignedInAsync(Admin);
        var form = await client.GetPageAsync("/Admin/Cycles/Create");
        form.QuerySelectorAll<IHtmlInputElement>("input[name='Input.DefaultCodes']").Where(i => i.IsChecked).Select(i => i.Value)
            .ShouldBe(["PEMPROV", "PEMKAB", "BESAR", "MENENGAH", "UMK"]);
        form.QuerySelectorAll<IHtmlInputElement>("input[name='Input.DefaultCodes']").Where(i => !i.IsChecked).Select(i => i.Value)
            .ShouldBe(["BPP", "DESA"]);
        form.QuerySelectorAll("[data-testid=stage] legend").Select(PortalClient.Text).ShouldBe(
            ["1. Pencalonan", "2. Verifikasi", "3. Penilaian lapangan dan pembinaan", "4. Penilaian", "5. Pleno", "6. Pengusulan ke tingkat nasional"]);

        var values = StageFields(Plan2036);
        values["Input.Year"] = "2036";
        values["Input.Notes"] = "  Siklus uji 2036  ";
        using var created = await client.SubmitFormAsync(form, "/Admin/Cycles/Create", "#create-cycle-form", values);

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.Headers.Location!.ToString().ShouldBe("/Admin/Cycles");
        var index = await PortalClient.ParseAsync(await client.FollowAsync(created));
        PortalClient.Text(index.QuerySelector(".alert-success")).ShouldBe("Siklus 2036 telah dibuat.");
        CycleRow(index, 2036).ShouldBe(["2036", "1 Jan 2035 – 31 Des 2035", "Terbuka", "5 dari 7", "0"]);

        var id = await CycleId(2036);
        (await Scalar<string>("SELECT string_agg(code || ':' || kind || ':' || sort_order || ':' || finalist_count || ':' || is_active, ' ' ORDER BY sort_order) FROM categories WHERE cycle_id = @id", ("id", id)))
            .ShouldBe("PEMPROV:1:1:1:true PEMKAB:2:2:1:true BESAR:3:3:1:true MENENGAH:4:4:1:true UMK:5:5:1:true BPP:6:6:1:false DESA:7:7:1:false");
        (await Stages(id)).ShouldBe(
            "1:2036-01-12..2036-03-27 2:2036-02-02..2036-04-17 3:2036-04-06..2036-06-12 4:2036-06-01..2036-07-03 5:2036-07-13..2036-07-13 6:2036-07-20..2036-08-28");
        (await Scalar<string>("SELECT notes FROM award_cycles WHERE id = @id", ("id", id))).ShouldBe("Siklus uji 2036");
        (await Scalar<bool>("SELECT is_current OR is_closed FROM award_cycles WHERE id = @id", ("id", id))).ShouldBeFalse();
        (await AuditDetails(AuditActions.CycleCreated, id)).ShouldBe(
        [
            "year: 2036; stages: Nomination 2036-01-12..2036-03-27, Verification 2036-02-02..2036-04-17, FieldAssessment 2036-04-06..2036-06-12, " +
            "Scoring 2036-06-01..2036-07-03, Plenary 2036-07-13..2036-07-13, Forwarding 2036-07-20..2036-08-28; " +
            "categories: default: PEMPROV,PEMKAB,BESAR,MENENGAH,UMK,BPP(inactive),DESA(inactive)",
        ]);

        // The edit page shows what was saved.
        var edit = await client.GetPageAsync($"/Admin/Cycles/Edit/{id}");
        edit.QuerySelector<IHtmlInputElement>("input[name='Input.Stages[4].StartsOn']")!.Value.ShouldBe("2036-07-13");
        PortalClient.Text(edit.QuerySelector("[data-testid=period]")).ShouldBe("1 Jan 2035 – 31 Des 2035");
    }

    [Fact]
    public async Task Optional_default_categories_ticked_on_the_form_are_created_active()
    {
        using var client = await SignedInAsync(Admin);
        var form = await client.GetPageAsync("/Admin/Cycles/Create");
        using var created = await client.SubmitFormFieldsAsync(form, "/Admin/Cycles/Create", "#create-cycle-form",
        [
            new("Input.Year", "2031"),
            new("Input.DefaultCodes", "PEMKAB"),
            new("Input.DefaultCodes", "DESA"),
        ]);

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await CycleId(2031);
        (await Scalar<string>("SELECT string_agg(code, ',' ORDER BY sort_order) FROM categories WHERE cycle_id = @id AND is_active", ("id", id)))
            .ShouldBe("PEMKAB,DESA");
        (await Stages(id)).ShouldBe("1:- 2:- 3:- 4:- 5:- 6:-");
    }

    [Fact]
    public async Task A_new_cycle_copies_the_categories_of_a_chosen_earlier_cycle()
    {
        var sourceId = await Build.CycleAsync(2040,
            ("PEMPROV", "Pemerintah Provinsi", CategoryKind.ProvincialGovernment, 1, 3, true),
            ("DESA", "Pemerintah Desa dan Kelurahan", CategoryKind.VillageGovernment, 2, 2, true),
            ("KAMPUS", "Perguruan Tinggi", CategoryKind.PublicServiceBody, 3, 1, false));
        using var client = await SignedInAsync(Admin);
        var form = await client.GetPageAsync("/Admin/Cycles/Create");
        form.QuerySelectorAll("select[name='Input.CopyFromCycleId'] option").Select(PortalClient.Text).ShouldContain("Siklus 2040 (3 kategori)");

        using var created = await client.SubmitFormAsync(form, "/Admin/Cycles/Create", "#create-cycle-form", new Dictionary<string, string>
        {
            ["Input.Year"] = "2041",
            ["Input.CategorySource"] = "salin",
            ["Input.CopyFromCycleId"] = sourceId.ToString(CultureInfo.InvariantCulture),
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await CycleId(2041);
        (await CategoriesOf(id)).ShouldBe("PEMPROV|Pemerintah Provinsi|1|1|3|true DESA|Pemerintah Desa dan Kelurahan|7|2|2|true KAMPUS|Perguruan Tinggi|6|3|1|false");
        (await CategoriesOf(sourceId)).ShouldBe(await CategoriesOf(id));
        (await AuditDetails(AuditActions.CategoriesCopied, id)).ShouldBe(["from 2040 to 2041: PEMPROV,DESA,KAMPUS(inactive)"]);
        (await AuditDetails(AuditActions.CycleCreated, id)).Single().ShouldEndWith("categories: copied from 2040: PEMPROV,DESA,KAMPUS(inactive)");
    }

    [Fact]
    public async Task A_cycle_without_categories_copies_those_of_the_latest_earlier_cycle_that_has_some()
    {
        await Build.CycleAsync(2049, ("LAMA", "Kategori Lama", CategoryKind.LargeCompany, 1, 1, true));
        await Build.CycleAsync(2050,
            ("PEMKAB", "Pemerintah Kabupaten/Kota", CategoryKind.RegencyGovernment, 1, 2, true),
            ("UMK", "Usaha Kecil dan Mikro", CategoryKind.SmallMicroBusiness, 2, 4, false));
        await Build.CycleAsync(2051);
        var id = await Build.CycleAsync(2052);
        using var client = await SignedInAsync(Admin);

        var url = $"/Admin/Cycles/Categories/{id}";
        var page = await client.GetPageAsync(url);
        PortalClient.Text(page.QuerySelector("[data-testid=empty]")).ShouldBe("Siklus ini belum mempunyai kategori.");
        PortalClient.Text(page.QuerySelector("#copy-form button")).ShouldBe("Salin kategori dari siklus 2050");

        using (var copied = await client.SubmitFormAsync(page, url, "#copy-form", new Dictionary<string, string>()))
        {
            copied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var list = await PortalClient.ParseAsync(await client.FollowAsync(copied));
            PortalClient.Text(list.QuerySelector(".alert-success")).ShouldBe("2 kategori siklus 2050 telah disalin ke siklus 2052.");
            list.QuerySelectorAll("[data-testid=category-row]").Select(r => string.Join(" | ", r.Children.Take(6).Select(PortalClient.Text)))
                .ShouldBe(["1 | PEMKAB | Pemerintah Kabupaten/Kota | Pemerintah kabupaten/kota | 2 | Aktif", "2 | UMK | Usaha Kecil dan Mikro | Usaha kecil dan mikro | 4 | Nonaktif"]);
            list.QuerySelector("#copy-form").ShouldBeNull();
        }

        (await AuditDetails(AuditActions.CategoriesCopied, id)).ShouldBe(["from 2050 to 2052: PEMKAB,UMK(inactive)"]);

        // A second copy (an old page posted again) is refused: the cycle has categories now.
        using var again = await client.SubmitFormAsync(page, url, "#copy-form", new Dictionary<string, string>());
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await PortalClient.ParseAsync(await client.FollowAsync(again));
        PortalClient.Text(refused.QuerySelector(".alert-danger")).ShouldBe(
            "Siklus 2052 sudah mempunyai kategori; penyalinan hanya untuk siklus yang belum mempunyai kategori.");
        (await Count("SELECT count(*) FROM categories WHERE cycle_id = @id", ("id", id))).ShouldBe(2L);
    }

    [Fact]
    public async Task Making_a_cycle_current_unsets_the_previous_one_then_it_is_closed_and_reopened()
    {
        var id = await Build.CycleWithDefaultsAsync(2060);
        var previous = await Scalar<int>("SELECT year FROM award_cycles WHERE is_current");
        previous.ShouldNotBe(0);
        using var client = await SignedInAsync(Admin);
        var url = $"/Admin/Cycles/Edit/{id}";

        var page = await client.GetPageAsync(url);
        PortalClient.Text(page.QuerySelector("[data-testid=status]")).ShouldBe("Terbuka");
        using (var made = await client.SubmitFormAsync(page, url, "#make-current-form", new Dictionary<string, string>()))
        {
            made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var after = await PortalClient.ParseAsync(await client.FollowAsync(made));
            PortalClient.Text(after.QuerySelector(".alert-success")).ShouldBe("Siklus 2060 sekarang menjadi siklus berjalan.");
            PortalClient.Text(after.QuerySelector("[data-testid=status]")).ShouldBe("Berjalan");
            after.QuerySelector("#make-current-form").ShouldBeNull();
        }

        (await Scalar<string>("SELECT string_agg(year::text, ',') FROM award_cycles WHERE is_current")).ShouldBe("2060");
        (await AuditDetails(AuditActions.CycleMadeCurrent, id)).ShouldBe([$"year: 2060; previous current: {previous}"]);
        CycleRow(await client.GetPageAsync("/Admin/Cycles"), previous)[2].ShouldNotContain("Berjalan");

        using (var closed = await client.SubmitFormAsync(url, "#close-form", new Dictionary<string, string>()))
        {
            closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var after = await PortalClient.ParseAsync(await client.FollowAsync(closed));
            PortalClient.Text(after.QuerySelector(".alert-success")).ShouldBe("Siklus 2060 telah ditutup. Datanya kini hanya dapat diubah oleh administrator.");
            PortalClient.Text(after.QuerySelector("[data-testid=status]")).ShouldBe("Berjalan Ditutup");
            PortalClient.Text(after.QuerySelector("[data-testid=closed-note]")).ShouldBe("Siklus ini sudah ditutup: datanya hanya dapat diubah oleh administrator.");
        }

        (await Scalar<bool>("SELECT is_closed FROM award_cycles WHERE id = @id", ("id", id))).ShouldBeTrue();
        (await AuditDetails(AuditActions.CycleClosed, id)).ShouldBe(["year: 2060"]);

        // The administrator still edits a closed cycle.
        using (var edited = await client.SubmitFormAsync(url, "#edit-cycle-form", new Dictionary<string, string> { ["Input.Notes"] = "Ditutup setelah pleno." }))
        {
            edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var reopened = await client.SubmitFormAsync(url, "#reopen-form", new Dictionary<string, string>()))
        {
            reopened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var after = await PortalClient.ParseAsync(await client.FollowAsync(reopened));
            PortalClient.Text(after.QuerySelector(".alert-success")).ShouldBe("Siklus 2060 telah dibuka kembali.");
        }

        (await Scalar<bool>("SELECT is_closed FROM award_cycles WHERE id = @id", ("id", id))).ShouldBeFalse();
        (await AuditDetails(AuditActions.CycleReopened, id)).ShouldBe(["year: 2060"]);
        (await AuditDetails(AuditActions.CycleUpdated, id)).ShouldBe(["notes: '' -> 'Ditutup setelah pleno.'"]);
    }

    [Theory]
    [InlineData("2016", "Tahun harus antara 2017 dan 2100.")]
    [InlineData("2101", "Tahun harus antara 2017 dan 2100.")]
    [InlineData("", "Tahun wajib diisi.")]
    [InlineData("2070", "Siklus 2070 sudah ada.")]
    public async Task A_year_outside_the_range_or_already_taken_is_refused(string year, string message)
    {
        if (year == "2070")
        {
            await Build.CycleAsync(2070);
        }

        using var client = await SignedInAsync(Admin);
        var before = await Count("SELECT count(*) FROM award_cycles");
        using var response = await client.SubmitFormAsync("/Admin/Cycles/Create", "#create-cycle-form", new Dictionary<string, string> { ["Input.Year"] = year });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FieldError(await PortalClient.ParseAsync(response), "Input.Year").ShouldBe(message);
        (await Count("SELECT count(*) FROM award_cycles")).ShouldBe(before);
    }

    [Fact]
    public async Task Stage_dates_out_of_order_are_refused_naming_the_stages_and_nothing_is_saved()
    {
        using var client = await SignedInAsync(Admin);
        var before = await Count("SELECT count(*) FROM award_cycles");
        var plan = Plan2036.ToArray();
        plan[1] = ("2036-01-05", "2036-04-17");   // verification before the nominations open
        plan[3] = ("2036-06-01", "2036-05-31");   // scoring ends before it starts
        plan[5] = ("2036-07-20", "");             // forwarding without an end
        var values = StageFields(plan);
        values["Input.Year"] = "2072";

        using var response = await client.SubmitFormAsync("/Admin/Cycles/Create", "#create-cycle-form", values);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        FieldError(page, "Input.Stages[1].StartsOn").ShouldBe("Tahap Verifikasi tidak boleh dimulai sebelum tahap Pencalonan dimulai.");
        FieldError(page, "Input.Stages[3].EndsOn").ShouldBe("Tanggal selesai tahap Penilaian tidak boleh sebelum tanggal mulainya.");
        FieldError(page, "Input.Stages[5].EndsOn").ShouldBe("Isi tanggal mulai dan tanggal selesai tahap Pengusulan ke tingkat nasional, atau kosongkan keduanya.");
        FieldError(page, "Input.Stages[0].StartsOn").ShouldBe("");
        // What was typed is kept.
        page.QuerySelector<IHtmlInputElement>("input[name='Input.Stages[1].StartsOn']")!.Value.ShouldBe("2036-01-05");
        (await Count("SELECT count(*) FROM award_cycles")).ShouldBe(before);
    }

    [Fact]
    public async Task Copying_needs_a_chosen_cycle_and_the_default_set_needs_one_ticked_category()
    {
        using var client = await SignedInAsync(Admin);
        var form = await client.GetPageAsync("/Admin/Cycles/Create");
        using (var noCycle = await client.SubmitFormFieldsAsync(form, "/Admin/Cycles/Create", "#create-cycle-form",
            [new("Input.Year", "2074"), new("Input.CategorySource", "salin"), new("Input.CopyFromCycleId", "")]))
        {
            noCycle.StatusCode.ShouldBe(HttpStatusCode.OK);
            FieldError(await PortalClient.ParseAsync(noCycle), "Input.CopyFromCycleId").ShouldBe("Pilih siklus yang kategorinya disalin.");
        }

        var empty = await Build.CycleAsync(2073);
        using (var emptySource = await client.SubmitFormFieldsAsync(form, "/Admin/Cycles/Create", "#create-cycle-form",
            [new("Input.Year", "2074"), new("Input.CategorySource", "salin"), new("Input.CopyFromCycleId", empty.ToString(CultureInfo.InvariantCulture))]))
        {
            emptySource.StatusCode.ShouldBe(HttpStatusCode.OK);
            FieldError(await PortalClient.ParseAsync(emptySource), "Input.CopyFromCycleId").ShouldBe("Siklus yang dipilih tidak mempunyai kategori.");
        }

        using (var none = await client.SubmitFormFieldsAsync(form, "/Admin/Cycles/Create", "#create-cycle-form",
            [new("Input.Year", "2074"), new("Input.CategorySource", "bawaan"), new("Input.DefaultCodes", "")]))
        {
            none.StatusCode.ShouldBe(HttpStatusCode.OK);
            FieldError(await PortalClient.ParseAsync(none), "Input.DefaultCodes").ShouldBe("Pilih sekurang-kurangnya satu kategori bawaan.");
        }

        (await Count("SELECT count(*) FROM award_cycles WHERE year = 2074")).ShouldBe(0L);
    }

    [Fact]
    public async Task Stage_dates_edited_from_a_stale_page_are_refused_and_nothing_is_saved()
    {
        var id = await Build.CycleAsync(2090);
        using var client = await SignedInAsync(Admin);
        var url = $"/Admin/Cycles/Edit/{id}";
        var first = await client.GetPageAsync(url);
        var second = await client.GetPageAsync(url);

        using (var saved = await client.SubmitFormAsync(first, url, "#edit-cycle-form", new Dictionary<string, string>
        {
            ["Input.Stages[0].StartsOn"] = "2090-01-06",
            ["Input.Stages[0].EndsOn"] = "2090-03-31",
        }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            PortalClient.Text((await PortalClient.ParseAsync(await client.FollowAsync(saved))).QuerySelector(".alert-success")).ShouldBe("Siklus 2090 telah disimpan.");
        }

        using var stale = await client.SubmitFormAsync(second, url, "#edit-cycle-form", new Dictionary<string, string> { ["Input.Notes"] = "Catatan dari halaman lama" });

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalClient.Text((await PortalClient.ParseAsync(stale)).QuerySelector(".validation-summary-errors")).ShouldBe(
            "Siklus ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.");
        (await Scalar<string>("SELECT coalesce(notes, '') FROM award_cycles WHERE id = @id", ("id", id))).ShouldBe("");
        (await Stages(id)).ShouldBe("1:2090-01-06..2090-03-31 2:- 3:- 4:- 5:- 6:-");
        (await AuditDetails(AuditActions.CycleUpdated, id)).ShouldBe(["Nomination: - -> 2090-01-06..2090-03-31"]);
    }

    [Fact]
    public async Task The_administrator_adds_and_edits_categories_and_duplicates_are_refused()
    {
        var id = await Build.CycleWithDefaultsAsync(2080);
        using var client = await SignedInAsync(Admin);
        var url = $"/Admin/Cycles/Categories/{id}";
        var page = await client.GetPageAsync(url);
        page.QuerySelector<IHtmlInputElement>("#add-category-form input[name='Input.SortOrder']")!.Value.ShouldBe("8");

        using (var added = await client.SubmitFormAsync(page, url, "#add-category-form", new Dictionary<string, string>
        {
            ["Input.Code"] = " rs2080 ",
            ["Input.Name"] = "Rumah Sakit Daerah",
            ["Input.Kind"] = nameof(CategoryKind.PublicServiceBody),
            ["Input.FinalistCount"] = "2",
        }))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var list = await PortalClient.ParseAsync(await client.FollowAsync(added));
            PortalClient.Text(list.QuerySelector(".alert-success")).ShouldBe("Kategori Rumah Sakit Daerah telah ditambahkan ke siklus 2080.");
            var rows = list.QuerySelectorAll("[data-testid=category-row]");
            string.Join(" | ", rows[rows.Length - 1].Children.Take(6).Select(PortalClient.Text))
                .ShouldBe("8 | RS2080 | Rumah Sakit Daerah | Badan pelayanan publik | 2 | Aktif");
        }

        var categoryId = await Scalar<int>("SELECT id FROM categories WHERE cycle_id = @c AND code = 'RS2080'", ("c", id));
        (await AuditDetails(AuditActions.CategoryCreated, categoryId)).ShouldBe(
            ["cycle: 2080; code: RS2080; name: 'Rumah Sakit Daerah'; kind: PublicServiceBody; order: 8; finalists: 2; active: yes"]);

        var refusals = new (Dictionary<string, string> Values, string Field, string Message)[]
        {
            (new() { ["Input.Code"] = "pemprov", ["Input.Name"] = "Lain 1", ["Input.Kind"] = "LargeCompany" }, "Input.Code", "Kode PEMPROV sudah dipakai di siklus ini."),
            (new() { ["Input.Code"] = "BARU1", ["Input.Name"] = "perusahaan besar", ["Input.Kind"] = "LargeCompany" }, "Input.Name", "Kategori bernama perusahaan besar sudah ada di siklus ini."),
            (new() { ["Input.Code"] = "UMK-2", ["Input.Name"] = "Lain 2", ["Input.Kind"] = "LargeCompany" }, "Input.Code", "Kode terdiri atas huruf besar dan angka saja, paling banyak 20 karakter."),
            (new() { ["Input.Code"] = "ABCDEFGHIJKLMNOPQRSTU", ["Input.Name"] = "Lain 3", ["Input.Kind"] = "LargeCompany" }, "Input.Code", "Kode terdiri atas huruf besar dan angka saja, paling banyak 20 karakter."),
            (new() { ["Input.Code"] = "BARU2", ["Input.Name"] = "Lain 4", ["Input.Kind"] = "LargeCompany", ["Input.FinalistCount"] = "21" }, "Input.FinalistCount", "Jumlah finalis harus antara 1 dan 20."),
            (new() { ["Input.Code"] = "BARU3", ["Input.Name"] = "Lain 5", ["Input.Kind"] = "LargeCompany", ["Input.FinalistCount"] = "0" }, "Input.FinalistCount", "Jumlah finalis harus antara 1 dan 20."),
            (new() { ["Input.Code"] = "BARU4", ["Input.Name"] = "Lain 6", ["Input.Kind"] = "" }, "Input.Kind", "Pilih jenis kategori."),
            (new() { ["Input.Code"] = "", ["Input.Name"] = "", ["Input.Kind"] = "LargeCompany" }, "Input.Name", "Nama kategori wajib diisi."),
        };
        foreach (var (values, field, message) in refusals)
        {
            using var refused = await client.SubmitFormAsync(url, "#add-category-form", values);
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            FieldError(await PortalClient.ParseAsync(refused), field).ShouldBe(message);
        }

        (await Count("SELECT count(*) FROM categories WHERE cycle_id = @c", ("c", id))).ShouldBe(8L);

        var editUrl = $"/Admin/Cycles/EditCategory/{categoryId}";
        var edit = await client.GetPageAsync(editUrl);
        var stale = await client.GetPageAsync(editUrl);
        using (var edited = await client.SubmitFormAsync(edit, editUrl, "#edit-category-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Rumah Sakit Umum Daerah",
            ["Input.FinalistCount"] = "3",
            ["Input.IsActive"] = "false",
        }))
        {
            edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            edited.Headers.Location!.ToString().ShouldBe($"/Admin/Cycles/Categories/{id}");
        }

        (await AuditDetails(AuditActions.CategoryUpdated, categoryId)).ShouldBe(
            ["cycle: 2080; code: RS2080; name: 'Rumah Sakit Daerah' -> 'Rumah Sakit Umum Daerah'; finalists: 2 -> 3; active: yes -> no"]);

        using (var duplicate = await client.SubmitFormAsync(editUrl, "#edit-category-form", new Dictionary<string, string> { ["Input.Name"] = "Pemerintah Desa" }))
        {
            duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
            FieldError(await PortalClient.ParseAsync(duplicate), "Input.Name").ShouldBe("Kategori bernama Pemerintah Desa sudah ada di siklus ini.");
        }

        using (var conflict = await client.SubmitFormAsync(stale, editUrl, "#edit-category-form", new Dictionary<string, string> { ["Input.SortOrder"] = "9" }))
        {
            conflict.StatusCode.ShouldBe(HttpStatusCode.OK);
            PortalClient.Text((await PortalClient.ParseAsync(conflict)).QuerySelector(".validation-summary-errors")).ShouldBe(
                "Kategori ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.");
        }

        (await Scalar<string>("SELECT name || '|' || sort_order || '|' || finalist_count || '|' || is_active FROM categories WHERE id = @id", ("id", categoryId)))
            .ShouldBe("Rumah Sakit Umum Daerah|8|3|false");
    }

    [Theory]
    [InlineData("anggota.bali@paritrana.demo", "/Admin/Cycles")]
    [InlineData("ketua.jateng@paritrana.demo", "/Admin/Cycles/Create")]
    [InlineData("cabang.denpasar@paritrana.demo", "/Admin/Cycles/Edit/1")]
    [InlineData("ketua.bali@paritrana.demo", "/Admin/Cycles/Categories/1")]
    public async Task Anyone_but_the_administrator_is_sent_to_access_denied(string email, string url)
    {
        using var client = await SignedInAsync(email);
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"http://localhost/Account/AccessDenied?ReturnUrl={Uri.EscapeDataString(url)}");
    }

    [Fact]
    public async Task A_committee_chair_cannot_make_a_cycle_current_by_posting_the_form()
    {
        var id = await Build.CycleAsync(2095);
        using var chair = await SignedInAsync("ketua.bali@paritrana.demo");
        // A valid antiforgery token of the chair's own session, from a form the chair may open.
        var own = await chair.GetPageAsync("/Account/ChangePassword");
        var token = own.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var url = $"/Admin/Cycles/Edit/{id}?handler=MakeCurrent";
        using var response = await chair.PostFieldsAsync(url, [new("__RequestVerificationToken", token)]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("http://localhost/Account/AccessDenied");
        (await Scalar<bool>("SELECT is_current FROM award_cycles WHERE id = @id", ("id", id))).ShouldBeFalse();
        (await Count("SELECT count(*) FROM audit_events WHERE action = @a AND entity_id = @e", ("a", AuditActions.CycleMadeCurrent), ("e", id.ToString(CultureInfo.InvariantCulture)))).ShouldBe(0L);
    }

    private static Dictionary<string, string> StageFields((string Start, string End)[] plan)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < plan.Length; i++)
        {
            values[$"Input.Stages[{i}].StartsOn"] = plan[i].Start;
            values[$"Input.Stages[{i}].EndsOn"] = plan[i].End;
        }

        return values;
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = portal.Factory.CreatePortalClient();
        try
        {
            return await client.SignedInAsAsync(email);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static string[] CycleRow(IHtmlDocument page, int year) =>
        page.QuerySelectorAll("[data-testid=cycle-row]")
            .Single(r => PortalClient.Text(r.QuerySelector("[data-testid=year]")) == year.ToString(CultureInfo.InvariantCulture))
            .Children.Take(5).Select(PortalClient.Text).ToArray();

    private static string FieldError(IHtmlDocument page, string field) =>
        PortalClient.Text(page.QuerySelector($"[data-valmsg-for='{field}']"));

    private async Task<int> CycleId(int year) => await Scalar<int>("SELECT id FROM award_cycles WHERE year = @y", ("y", year));

    private async Task<string?> Stages(int cycleId) => await Scalar<string>(
        "SELECT string_agg(stage || ':' || CASE WHEN starts_on IS NULL THEN '-' ELSE to_char(starts_on, 'YYYY-MM-DD') || '..' || to_char(ends_on, 'YYYY-MM-DD') END, ' ' ORDER BY stage) FROM cycle_stages WHERE cycle_id = @id",
        ("id", cycleId));

    private async Task<string?> CategoriesOf(int cycleId) => await Scalar<string>(
        "SELECT string_agg(code || '|' || name || '|' || kind || '|' || sort_order || '|' || finalist_count || '|' || is_active, ' ' ORDER BY sort_order) FROM categories WHERE cycle_id = @id",
        ("id", cycleId));

    private async Task<long> Count(string sql, params (string Name, object Value)[] parameters) => await TestDatabase.ScalarAsync<long>(portal.Database, sql, parameters);

    private async Task<T?> Scalar<T>(string sql, params (string Name, object Value)[] parameters) =>
        await TestDatabase.ScalarAsync<T>(portal.Database, sql, parameters);

    private async Task<List<string>> AuditDetails(string action, int entityId)
    {
        var joined = await Scalar<string>(
            $"SELECT string_agg({AuditSql.Text("details")}, E'\\n' ORDER BY id) FROM audit_events WHERE action = @a AND entity_id = @e",
            ("a", action), ("e", entityId.ToString(CultureInfo.InvariantCulture)));
        return joined is null ? [] : joined.Split('\n').ToList();
    }
}
