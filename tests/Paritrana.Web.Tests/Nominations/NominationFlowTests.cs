using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Organisations;
using static Paritrana.Web.Tests.Nominations.NominationTestData;

namespace Paritrana.Web.Tests.Nominations;

/// <summary>
/// The nomination as the committee and the branch office carry it: nominated as a draft, its
/// figures filled in, submitted, returned with a reason, corrected, resubmitted and verified; and a
/// government candidate with its regulations, budget and innovations.
/// </summary>
public class NominationFlowTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string ReturnReason = "Jumlah pekerja berbeda dengan data BPJamsostek per 31 Desember 2025; mohon diperiksa.";
    private static readonly string[] TimelineParts = ["transition", "who", "action", "reason"];
    private readonly NominationTestData _data = new(portal);

    [Fact]
    public async Task A_Denpasar_employer_is_nominated_returned_with_a_reason_resubmitted_and_verified()
    {
        var cycle = await _data.CycleAsync();
        var employer = await _data.EmployerAsync("51.71", latest: (new DateOnly(2025, 12, 31), 1200, 1000, 50, Programs.Jkk | Programs.Jkm | Programs.Jht | Programs.Jp, 1));
        using var member = await _data.SignedInAsync(Member);
        using var officer = await _data.SignedInAsync(Denpasar);

        // The employer list links here with ?organisationId=; the category follows the employer's size.
        var createUrl = $"/Nominations/Create?cycle={cycle.YearText}&organisationId={employer.Id}";
        var create = await member.GetPageAsync(createUrl);
        PortalClient.Text(create.QuerySelector("[data-testid=employer-name]")).ShouldBe(employer.Name);
        PortalClient.Text(create.QuerySelector("[data-testid=employer-npp]")).ShouldBe(employer.Npp);
        create.QuerySelector<IHtmlSelectElement>("#categoryId")!.SelectedOptions.Single().Text.ShouldBe("Perusahaan Besar");
        int id;
        using (var created = await member.SubmitFormAsync(create, createUrl, "#nomination-form", new Dictionary<string, string>()))
        {
            id = IdFromLocation(created);
            created.Headers.Location!.OriginalString.ShouldBe($"/Nominations/Edit/{id}");
        }

        (await Row(id)).ShouldBe(
            $"Draft|{cycle.Categories[CategoryKind.LargeCompany]}|{employer.Id}|51|51.71|{await BranchId("Kantor Cabang Denpasar")}|2025-12-31|1200|1000|50|15|1|{await UserId(Member)}");
        (await AuditDetails(AuditActions.NominationCreated, id)).ShouldBe(
            [$"51 | cycle: {cycle.YearText}; category: 'Perusahaan Besar'; organisation: '{employer.Name}' ({employer.Id}); branch office: {await BranchId("Kantor Cabang Denpasar")}"]);

        // The member fills in the figures.
        var editUrl = $"/Nominations/Edit/{id}";
        var edit = await member.GetPageAsync(editUrl);
        edit.QuerySelector<IHtmlInputElement>("#Input_Workers")!.Value.ShouldBe("1200");
        edit.QuerySelector<IHtmlInputElement>("#Input_FiguresAsOf")!.Value.ShouldBe("2025-12-31");
        edit.QuerySelectorAll<IHtmlInputElement>("input[name='Input.Programs']").Where(i => i.IsChecked).Select(i => i.Value).ShouldBe(["JKK", "JKM", "JHT", "JP"]);
        using (var saved = await member.SubmitFormFieldsAsync(edit, editUrl, "#figures-form", EmployerFigures(workers: "1250")))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            saved.Headers.Location!.OriginalString.ShouldBe($"/Nominations/Details/{id}");
        }

        (await FiguresRow(id)).ShouldBe("2025-12-31|1250|1100|40|31|0|t|t|f|800|97.50|12|10|Beasiswa anak pekerja rentan|1250000000.50|Perusahaan keluarga di Denpasar.");
        var details = await member.GetPageAsync($"/Nominations/Details/{id}");
        PortalClient.Text(details.QuerySelector("[data-testid=coverage]")).ShouldBe("91,20 %");
        PortalClient.Text(details.QuerySelector("[data-testid=csr-amount]")).ShouldBe("Rp 1.250.000.000,50");
        PortalClient.Text(details.QuerySelector("[data-testid=programs]")).ShouldBe("JKK, JKM, JHT, JP, JKP");

        // Submitted for verification.
        using (var submitted = await member.SubmitFormAsync(details, $"/Nominations/Details/{id}", "#action-Submit", new Dictionary<string, string>()))
        {
            submitted.Headers.Location!.OriginalString.ShouldBe($"/Nominations/Details/{id}");
            var after = await PortalClient.ParseAsync(await member.FollowAsync(submitted));
            PortalClient.Text(after.QuerySelector(".alert-success")).ShouldStartWith("Status nominasi diubah dari Draf menjadi Diajukan.");
            PortalClient.Text(after.QuerySelector("[data-testid=status]")).ShouldBe("Diajukan");
            after.QuerySelector("#action-Submit").ShouldBeNull();
            after.QuerySelector("[data-testid=edit-link]").ShouldBeNull();
        }

        // The Denpasar officer sees it in the queue beside the imported figures, differences marked.
        var queue = await officer.GetPageAsync("/Verification");
        var item = QueueItem(queue, id);
        Comparison(item).ShouldBe(
        [
            "as-of|31 Des 2025|31 Des 2025|same",
            "workers|1.250|1.200|differs",
            "participants-pu|1.100|1.000|differs",
            "participants-bpu|40|50|differs",
            "coverage|91,20 %|87,50 %|differs",
            "programs|JKK, JKM, JHT, JP, JKP|JKK, JKM, JHT, JP|differs",
            "arrears|0|1|differs",
        ]);
        PortalClient.Text(item.QuerySelector("[data-figure=workers] .nominated")).ShouldBe("1.250 berbeda");

        using (var returned = await officer.SubmitFormAsync(queue, "/Verification", $"#return-{id}", new Dictionary<string, string> { ["reason"] = ReturnReason }))
        {
            returned.Headers.Location!.OriginalString.ShouldBe("/Verification");
            var after = await PortalClient.ParseAsync(await officer.FollowAsync(returned));
            PortalClient.Text(after.QuerySelector(".alert-success")).ShouldStartWith($"Nominasi {employer.Name} telah dikembalikan kepada tim panitia.");
            QueueIds(after).ShouldNotContain(id);
            PortalClient.Text(after.QuerySelector("[data-testid=awaiting-resubmission] strong"))
                .ShouldBe((await ReturnedInOpenCyclesOfBranch("Kantor Cabang Denpasar")).ToString(CultureInfo.InvariantCulture));
        }

        (await _data.ScalarAsync<string>("SELECT status || '|' || last_return_reason FROM nominations WHERE id = @id", ("id", id))).ShouldBe($"4|{ReturnReason}");

        // The member sees the reason on the nomination and in the list.
        details = await member.GetPageAsync($"/Nominations/Details/{id}");
        PortalClient.Text(details.QuerySelector("[data-testid=return-reason-text]")).ShouldBe(ReturnReason);
        var list = await member.GetPageAsync($"/Nominations?cycle={cycle.YearText}");
        PortalClient.Text(ListRow(list, id).QuerySelector("[data-testid=return-reason]")).ShouldBe($"Alasan dikembalikan: {ReturnReason}");
        PortalClient.Text(ListRow(list, id).QuerySelector("[data-testid=status]")).ShouldStartWith("Dikembalikan");

        // Corrected and resubmitted.
        edit = await member.GetPageAsync(editUrl);
        PortalClient.Text(edit.QuerySelector("[data-testid=return-reason]")).ShouldBe($"Dikembalikan oleh kantor cabang dengan alasan: {ReturnReason}");
        using (var saved = await member.SubmitFormFieldsAsync(edit, editUrl, "#figures-form", [new("Input.Workers", "1200")]))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        details = await member.GetPageAsync($"/Nominations/Details/{id}");
        using (var resubmitted = await member.SubmitFormAsync(details, $"/Nominations/Details/{id}", "#action-Submit", new Dictionary<string, string>()))
        {
            resubmitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // Verified from the queue.
        queue = await officer.GetPageAsync("/Verification");
        Comparison(QueueItem(queue, id))[1].ShouldBe("workers|1.200|1.200|same");
        using (var verified = await officer.SubmitFormAsync(queue, "/Verification", $"#verify-{id}", new Dictionary<string, string>()))
        {
            verified.Headers.Location!.OriginalString.ShouldBe("/Verification");
            PortalClient.Text((await PortalClient.ParseAsync(await officer.FollowAsync(verified))).QuerySelector(".alert-success"))
                .ShouldStartWith($"Nominasi {employer.Name} telah diverifikasi.");
        }

        (await _data.ScalarAsync<string>("SELECT status || '|' || (verified_by = @u) || '|' || (verified_at IS NOT NULL) FROM nominations WHERE id = @id", ("id", id), ("u", await UserId(Denpasar))))
            .ShouldBe("3|true|true");

        // The timeline shows exactly the four transitions, with who and why.
        details = await member.GetPageAsync($"/Nominations/Details/{id}");
        PortalClient.Text(details.QuerySelector("[data-testid=status]")).ShouldBe("Terverifikasi");
        details.QuerySelectorAll("[data-testid=status-change]")
            .Select(c => string.Join(" | ", TimelineParts.Select(t => PortalClient.Text(c.QuerySelector($"[data-testid={t}]")))))
            .ShouldBe(
            [
                $"Draf → Diajukan | {MemberName} | Ajukan untuk verifikasi | ",
                $"Diajukan → Dikembalikan | {DenpasarName} | Kembalikan dengan alasan | Alasan: {ReturnReason}",
                $"Dikembalikan → Diajukan | {MemberName} | Ajukan untuk verifikasi | ",
                $"Diajukan → Terverifikasi | {DenpasarName} | Verifikasi nominasi | ",
            ]);
        (await _data.ScalarAsync<string>(
                "SELECT string_agg(concat_ws('|', \"from\", \"to\", action, user_name, reason), E'\\n' ORDER BY at, id) FROM status_changes WHERE nomination_id = @id", ("id", id)))
            .ShouldBe($"1|2|1|{MemberName}\n2|4|3|{DenpasarName}|{ReturnReason}\n4|2|1|{MemberName}\n2|3|2|{DenpasarName}");
        (await AuditDetails(AuditActions.NominationStatusChanged, id)).ShouldBe(
        [
            "51 | Draft → Submitted",
            $"51 | Submitted → Returned; reason: {ReturnReason}",
            "51 | Returned → Submitted",
            "51 | Submitted → Verified",
        ]);
        (await AuditDetails(AuditActions.NominationUpdated, id)).Count.ShouldBe(2);
        (await AuditDetails(AuditActions.NominationUpdated, id))[1].ShouldBe("51 | workers: 1250 -> 1200");
    }

    [Fact]
    public async Task Kota_Denpasar_is_nominated_with_a_regulation_a_budget_and_an_innovation()
    {
        var cycle = await _data.CycleAsync();
        var year = (cycle.Year - 1).ToString(CultureInfo.InvariantCulture);
        using var member = await _data.SignedInAsync(Member);

        var createUrl = $"/Nominations/Create?cycle={cycle.YearText}&categoryId={cycle.Categories[CategoryKind.RegencyGovernment]}";
        int id;
        using (var created = await member.SubmitFormAsync(createUrl, "#nomination-form", new Dictionary<string, string> { ["Input.RegencyCode"] = "51.71" }))
        {
            id = IdFromLocation(created);
        }

        (await _data.ScalarAsync<string>(
                "SELECT concat_ws('|', o.name, o.type, o.government_level, o.region, n.regency_code, n.status, b.name) FROM nominations n " +
                "JOIN (SELECT id, name, type, government_level, coalesce(regency_code, province_code) AS region FROM organisations) o ON o.id = n.organisation_id " +
                "JOIN branch_offices b ON b.id = n.branch_office_id WHERE n.id = @id", ("id", id)))
            .ShouldBe("Pemerintah Kota Denpasar|1|2|51.71|51.71|1|Kantor Cabang Denpasar");

        var editUrl = $"/Nominations/Edit/{id}";
        var edit = await member.GetPageAsync(editUrl);
        edit.QuerySelector("#Input_Workers").ShouldBeNull();
        using (var saved = await member.SubmitFormAsync(edit, editUrl, "#figures-form", new Dictionary<string, string>
        {
            ["Input.WorkforceBps"] = "512000",
            ["Input.ProtectedPu"] = "201000",
            ["Input.ProtectedBpu"] = "64000",
            ["Input.NonAsnWorkers"] = "3200",
            ["Input.NonAsnCovered"] = "3100",
            ["Input.Summary"] = "Kota dengan cakupan tertinggi di Bali.",
        }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var added = await member.SubmitFormAsync(editUrl, "#regulation-form", new Dictionary<string, string>
        {
            ["Regulation.Type"] = "Perwali",
            ["Regulation.Number"] = "12",
            ["Regulation.Year"] = year,
            ["Regulation.Title"] = "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan",
        }))
        {
            added.Headers.Location!.OriginalString.ShouldBe($"/Nominations/Edit/{id}#regulations");
            PortalClient.Text((await PortalClient.ParseAsync(await member.FollowAsync(added))).QuerySelector(".alert-success")).ShouldStartWith("Regulasi telah ditambahkan.");
        }

        using (var added = await member.SubmitFormAsync(editUrl, "#budget-form", new Dictionary<string, string>
        {
            ["Budget.Year"] = year,
            ["Budget.Amount"] = "1.250.000.000",
            ["Budget.Purpose"] = "Iuran JKK dan JKM bagi pekerja rentan",
            ["Budget.WorkersCovered"] = "15000",
        }))
        {
            added.Headers.Location!.OriginalString.ShouldBe($"/Nominations/Edit/{id}#budgets");
        }

        foreach (var title in new[] { "Kartu Pekerja Rentan Denpasar", "Inovasi yang dihapus lagi" })
        {
            using var added = await member.SubmitFormAsync(editUrl, "#innovation-form", new Dictionary<string, string>
            {
                ["Innovation.Title"] = title,
                ["Innovation.Description"] = "Pendataan dan pembayaran iuran BPU oleh desa adat.",
                ["Innovation.Year"] = year,
            });
            added.Headers.Location!.OriginalString.ShouldBe($"/Nominations/Edit/{id}#innovations");
        }

        edit = await member.GetPageAsync(editUrl);
        var removeForm = edit.QuerySelectorAll("[data-testid=innovation]").Single(li => li.TextContent.Contains("Inovasi yang dihapus lagi", StringComparison.Ordinal)).QuerySelector("form")!;
        removeForm.GetAttribute("data-confirm").ShouldBe("Hapus inovasi ini?");
        using (var removed = await member.PostFieldsAsync(removeForm.GetAttribute("action")!, PortalClient.ReadForm((IHtmlFormElement)removeForm)))
        {
            removed.Headers.Location!.OriginalString.ShouldBe($"/Nominations/Edit/{id}#innovations");
        }

        (await _data.ScalarAsync<string>("SELECT concat_ws('|', type, number, year, title) FROM government_regulations WHERE nomination_id = @id", ("id", id)))
            .ShouldBe($"4|12|{year}|Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan");
        (await _data.ScalarAsync<string>("SELECT concat_ws('|', year, amount::text, purpose, workers_covered) FROM budget_allocations WHERE nomination_id = @id", ("id", id)))
            .ShouldBe($"{year}|1250000000.00|Iuran JKK dan JKM bagi pekerja rentan|15000");
        (await _data.ScalarAsync<string>("SELECT string_agg(title, ',') FROM innovations WHERE nomination_id = @id", ("id", id))).ShouldBe("Kartu Pekerja Rentan Denpasar");
        (await AuditDetails(AuditActions.NominationUpdated, id)).ShouldBe(
        [
            "51 | workforce: - -> 512000; protected PU: - -> 201000; protected BPU: - -> 64000; non-ASN workers: - -> 3200; non-ASN covered: - -> 3100; summary changed",
            $"51 | regulation added: Perwali 12/{year} 'Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan'",
            $"51 | budget added: {year} 1250000000 'Iuran JKK dan JKM bagi pekerja rentan'",
            "51 | innovation added: 'Kartu Pekerja Rentan Denpasar'",
            "51 | innovation added: 'Inovasi yang dihapus lagi'",
            "51 | innovation removed: 'Inovasi yang dihapus lagi'",
        ]);

        var details = await member.GetPageAsync($"/Nominations/Details/{id}");
        PortalClient.Text(details.QuerySelector("[data-testid=coverage]")).ShouldBe("51,76 %");
        Cells(details, "#regulations").ShouldBe([$"Peraturan Wali Kota (Perwali) | 12 | {year} | Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan"]);
        Cells(details, "#budgets").ShouldBe([$"{year} | Rp 1.250.000.000 | Iuran JKK dan JKM bagi pekerja rentan | 15.000"]);
        details.QuerySelectorAll("#innovations li strong").Select(PortalClient.Text).ShouldBe(["Kartu Pekerja Rentan Denpasar"]);

        // Submitted, it reaches the Denpasar branch's queue with its own figures.
        using (var submitted = await member.SubmitFormAsync(details, $"/Nominations/Details/{id}", "#action-Submit", new Dictionary<string, string>()))
        {
            submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var officer = await _data.SignedInAsync(Denpasar);
        var item = QueueItem(await officer.GetPageAsync("/Verification"), id);
        PortalClient.Text(item.QuerySelector("[data-figure=workforce] .nominated")).ShouldBe("512.000");
        PortalClient.Text(item.QuerySelector("[data-figure=coverage] .nominated")).ShouldBe("51,76 %");
    }

    [Fact]
    public async Task The_provincial_government_needs_a_verifying_branch_and_is_created_once()
    {
        var cycle = await _data.CycleAsync();
        using var member = await _data.SignedInAsync(Member);
        var createUrl = $"/Nominations/Create?cycle={cycle.YearText}&categoryId={cycle.Categories[CategoryKind.ProvincialGovernment]}";
        var create = await member.GetPageAsync(createUrl);
        PortalClient.Text(create.QuerySelector("[data-testid=government-name]")).ShouldBe("Pemerintah Provinsi Bali");
        create.QuerySelectorAll("#Input_BranchOfficeId option").Select(o => o.TextContent).ShouldBe(["Pilih kantor cabang", "Kantor Cabang Denpasar", "Kantor Cabang Gianyar"]);
        var before = await _data.CountAsync("SELECT count(*) FROM nominations");

        using (var refused = await member.SubmitFormAsync(create, createUrl, "#nomination-form", new Dictionary<string, string>()))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            FieldError(await PortalClient.ParseAsync(refused), "Input.BranchOfficeId").ShouldBe("Pilih kantor cabang yang memverifikasi nominasi ini.");
        }

        (await _data.CountAsync("SELECT count(*) FROM nominations")).ShouldBe(before);
        var gianyar = await BranchId("Kantor Cabang Gianyar");
        int id;
        using (var created = await member.SubmitFormAsync(create, createUrl, "#nomination-form", new Dictionary<string, string> { ["Input.BranchOfficeId"] = gianyar.ToString(CultureInfo.InvariantCulture) }))
        {
            id = IdFromLocation(created);
        }

        (await _data.ScalarAsync<string>(
                "SELECT concat_ws('|', o.name, o.government_level, coalesce(o.regency_code, '-'), coalesce(n.regency_code, '-'), n.branch_office_id) FROM nominations n JOIN organisations o ON o.id = n.organisation_id WHERE n.id = @id",
                ("id", id)))
            .ShouldBe($"Pemerintah Provinsi Bali|1|-|-|{gianyar}");
        (await _data.CountAsync("SELECT count(*) FROM organisations WHERE government_level = 1 AND province_code = '51'")).ShouldBe(1L);

        // The Gianyar officer sees it; the Denpasar officer does not.
        using var gianyarOfficer = await _data.SignedInAsync(Gianyar);
        (await gianyarOfficer.GetAsync($"/Nominations/Details/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var denpasarOfficer = await _data.SignedInAsync(Denpasar);
        (await denpasarOfficer.GetAsync($"/Nominations/Details/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // In the next cycle the same body is nominated again, not created again.
        var next = await _data.CycleAsync();
        using (var again = await member.SubmitFormAsync(
                   $"/Nominations/Create?cycle={next.YearText}&categoryId={next.Categories[CategoryKind.ProvincialGovernment]}",
                   "#nomination-form", new Dictionary<string, string> { ["Input.BranchOfficeId"] = gianyar.ToString(CultureInfo.InvariantCulture) }))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await _data.CountAsync("SELECT count(*) FROM organisations WHERE government_level = 1 AND province_code = '51'")).ShouldBe(1L);
    }

    [Fact]
    public async Task A_village_government_is_named_from_what_the_member_typed()
    {
        var cycle = await _data.CycleAsync();
        var village = "Taro " + Guid.NewGuid().ToString("N")[..6];
        using var member = await _data.SignedInAsync(Member);
        var createUrl = $"/Nominations/Create?cycle={cycle.YearText}&categoryId={cycle.Categories[CategoryKind.VillageGovernment]}";

        using (var refused = await member.SubmitFormAsync(createUrl, "#nomination-form", new Dictionary<string, string> { ["Input.VillageName"] = " desa  " }))
        {
            var page = await PortalClient.ParseAsync(refused);
            FieldError(page, "Input.VillageName").ShouldBe("Nama desa wajib diisi.");
            FieldError(page, "Input.RegencyCode").ShouldBe("Pilih kabupaten/kota.");
        }

        int id;
        using (var created = await member.SubmitFormAsync(createUrl, "#nomination-form", new Dictionary<string, string> { ["Input.VillageName"] = $"desa {village}", ["Input.RegencyCode"] = "51.04" }))
        {
            id = IdFromLocation(created);
        }

        (await _data.ScalarAsync<string>(
                "SELECT concat_ws('|', o.name, o.government_level, o.regency_code, b.name) FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN branch_offices b ON b.id = n.branch_office_id WHERE n.id = @id",
                ("id", id)))
            .ShouldBe($"Pemerintah Desa {village}|3|51.04|Kantor Cabang Gianyar");
    }

    [Fact]
    public async Task An_organisation_is_nominated_once_per_cycle_and_the_message_names_the_existing_nomination()
    {
        var cycle = await _data.CycleAsync();
        var employer = await _data.EmployerAsync("51.03", size: SizeClass.Medium);
        using var member = await _data.SignedInAsync(Member);
        using (var created = await member.SubmitFormAsync(
                   $"/Nominations/Create?cycle={cycle.YearText}&organisationId={employer.Id}", "#nomination-form", new Dictionary<string, string>()))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await _data.ScalarAsync<int>("SELECT category_id FROM nominations WHERE organisation_id = @o", ("o", employer.Id))).ShouldBe(cycle.Categories[CategoryKind.MediumCompany]);
        var url = $"/Nominations/Create?cycle={cycle.YearText}&categoryId={cycle.Categories[CategoryKind.LargeCompany]}&organisationId={employer.Id}";
        using (var again = await member.SubmitFormAsync(url, "#nomination-form", new Dictionary<string, string>()))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await PortalClient.ParseAsync(again);
            Summary(page).ShouldBe(
                $"{employer.Name} sudah dinominasikan pada siklus {cycle.YearText} dalam kategori Perusahaan Menengah dengan status Draf. Satu organisasi hanya dapat dinominasikan sekali dalam satu siklus.");
            page.QuerySelector("[data-testid=existing-nomination]").ShouldNotBeNull();
        }

        (await _data.CountAsync("SELECT count(*) FROM nominations WHERE organisation_id = @o", ("o", employer.Id))).ShouldBe(1L);

        // The same for a government: Kabupaten Badung twice.
        var badung = $"/Nominations/Create?cycle={cycle.YearText}&categoryId={cycle.Categories[CategoryKind.RegencyGovernment]}";
        using (var first = await member.SubmitFormAsync(badung, "#nomination-form", new Dictionary<string, string> { ["Input.RegencyCode"] = "51.03" }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var second = await member.SubmitFormAsync(badung, "#nomination-form", new Dictionary<string, string> { ["Input.RegencyCode"] = "51.03" }))
        {
            Summary(await PortalClient.ParseAsync(second)).ShouldBe(
                $"Pemerintah Kabupaten Badung sudah dinominasikan pada siklus {cycle.YearText} dalam kategori Pemerintah Kabupaten/Kota dengan status Draf. Satu organisasi hanya dapat dinominasikan sekali dalam satu siklus.");
        }

        (await _data.CountAsync("SELECT count(*) FROM nominations n JOIN organisations o ON o.id = n.organisation_id WHERE n.cycle_id = @c AND o.government_level = 2",
            ("c", cycle.Id))).ShouldBe(1L);
    }

    [Fact]
    public async Task A_member_finds_employers_of_their_province_by_NPP_or_name()
    {
        var cycle = await _data.CycleAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var bali = await _data.EmployerAsync("51.02", name: $"CV Banten Sari {tag}", size: SizeClass.Micro);
        var jateng = await _data.EmployerAsync("33.74", name: $"CV Banten Semarang {tag}");
        using var member = await _data.SignedInAsync(Member);
        var category = cycle.Categories[CategoryKind.SmallMicroBusiness];

        var byName = await member.GetPageAsync($"/Nominations/Create?cycle={cycle.YearText}&categoryId={category}&q={tag}");
        byName.QuerySelectorAll("[data-testid=match] [data-testid=name]").Select(PortalClient.Text).ShouldBe([bali.Name]);
        var choose = byName.QuerySelector("[data-testid=match] [data-testid=choose]")!.GetAttribute("href")!;
        choose.ShouldBe($"/Nominations/Create?cycle={cycle.YearText}&categoryId={category}&organisationId={bali.Id}");

        var byNpp = await member.GetPageAsync($"/Nominations/Create?cycle={cycle.YearText}&categoryId={category}&q={bali.Npp}");
        byNpp.QuerySelectorAll("[data-testid=match] [data-testid=npp]").Select(PortalClient.Text).ShouldBe([bali.Npp!]);

        var other = await member.GetPageAsync($"/Nominations/Create?cycle={cycle.YearText}&categoryId={category}&q={jateng.Npp}");
        other.QuerySelector("[data-testid=no-matches]").ShouldNotBeNull();

        // An employer of another province, named by hand, is refused and not nominated.
        using (var refused = await member.SubmitFormAsync(
                   $"/Nominations/Create?cycle={cycle.YearText}&organisationId={bali.Id}&categoryId={category}", "#nomination-form",
                   new Dictionary<string, string> { ["Input.OrganisationId"] = jateng.Id.ToString(CultureInfo.InvariantCulture) }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            FieldError(await PortalClient.ParseAsync(refused), "Input.OrganisationId").ShouldBe("Pemberi kerja yang dipilih tidak ada di provinsi Anda.");
        }

        (await _data.CountAsync("SELECT count(*) FROM nominations WHERE organisation_id = @o", ("o", jateng.Id))).ShouldBe(0L);
    }

    internal static List<KeyValuePair<string, string>> EmployerFigures(string workers) =>
    [
        new("Input.FiguresAsOf", "2025-12-31"),
        new("Input.Workers", workers),
        new("Input.ParticipantsPu", "1100"),
        new("Input.ParticipantsBpu", "40"),
        new("Input.Programs", "JKK"),
        new("Input.Programs", "JKM"),
        new("Input.Programs", "JHT"),
        new("Input.Programs", "JP"),
        new("Input.Programs", "JKP"),
        new("Input.ArrearsMonths", "0"),
        new("Input.AllWorkersRegistered", "true"),
        new("Input.WagesReportedCorrectly", "true"),
        new("Input.UsesSipp", "false"),
        new("Input.JmoUsers", "800"),
        new("Input.NikValidatedPercent", "97,5"),
        new("Input.VendorCount", "12"),
        new("Input.VendorsRegistered", "10"),
        new("Input.CsrDescription", "Beasiswa anak pekerja rentan"),
        new("Input.CsrAmount", "1.250.000.000,50"),
        new("Input.Summary", "Perusahaan keluarga di Denpasar."),
    ];

    private static List<string> Cells(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(PortalClient.Text))).ToList();

    private static IElement QueueItem(IHtmlDocument queue, int id) =>
        queue.QuerySelector($"[data-testid=queue-item][data-id='{id}']") ?? throw new InvalidOperationException($"Nomination {id} is not in the queue.");

    private static List<int> QueueIds(IHtmlDocument queue) =>
        queue.QuerySelectorAll("[data-testid=queue-item]").Select(e => int.Parse(e.GetAttribute("data-id")!, CultureInfo.InvariantCulture)).ToList();

    private static IElement ListRow(IHtmlDocument list, int id) =>
        list.QuerySelector($"[data-testid=nomination-row][data-id='{id}']") ?? throw new InvalidOperationException($"Nomination {id} is not listed.");

    /// <summary>"figure|nominated|imported|same or differs" for each row of a queue item's comparison; "differs" needs both the class and the text marker.</summary>
    internal static List<string> Comparison(IElement item) =>
        item.QuerySelectorAll("[data-testid=comparison] tbody tr").Select(tr =>
        {
            var nominated = tr.QuerySelector(".nominated")!;
            var marker = nominated.QuerySelector("[data-testid=differs]");
            var differs = nominated.ClassList.Contains("figure-differs") && marker is not null && PortalClient.Text(marker) == "berbeda";
            var value = PortalClient.Text(nominated).Replace(" berbeda", "", StringComparison.Ordinal);
            return $"{tr.GetAttribute("data-figure")}|{value}|{PortalClient.Text(tr.QuerySelector(".imported"))}|{(differs ? "differs" : "same")}";
        }).ToList();

    private async Task<string?> Row(int id) => await _data.ScalarAsync<string>(
        "SELECT concat_ws('|', CASE status WHEN 1 THEN 'Draft' ELSE status::text END, category_id, organisation_id, province_code, regency_code, branch_office_id, " +
        "figures_as_of, workers, participants_pu, participants_bpu, programs, arrears_months, created_by) FROM nominations WHERE id = @id", ("id", id));

    private async Task<string?> FiguresRow(int id) => await _data.ScalarAsync<string>(
        "SELECT concat_ws('|', figures_as_of, workers, participants_pu, participants_bpu, programs, arrears_months, all_workers_registered, wages_reported_correctly, uses_sipp, " +
        "jmo_users, nik_validated_percent, vendor_count, vendors_registered, csr_description, csr_amount, summary) FROM nominations WHERE id = @id", ("id", id));

    private async Task<int> BranchId(string name) => await _data.ScalarAsync<int>("SELECT id FROM branch_offices WHERE name = @n", ("n", name));

    private async Task<Guid> UserId(string email) => await _data.ScalarAsync<Guid>("SELECT id FROM users WHERE email = @e", ("e", email));

    private async Task<long> ReturnedInOpenCyclesOfBranch(string branch) => await _data.CountAsync(
        "SELECT count(*) FROM nominations n JOIN award_cycles c ON c.id = n.cycle_id JOIN branch_offices b ON b.id = n.branch_office_id WHERE n.status = 4 AND NOT c.is_closed AND b.name = @b",
        ("b", branch));

    private async Task<List<string>> AuditDetails(string action, int id)
    {
        var joined = await _data.ScalarAsync<string>(
            $"SELECT string_agg(coalesce(province_code || ' | ', '') || {AuditSql.Text("details")}, E'\\n' ORDER BY id) FROM audit_events WHERE action = @a AND entity_type = 'nomination' AND entity_id = @e",
            ("a", action), ("e", id.ToString(CultureInfo.InvariantCulture)));
        return joined is null ? [] : joined.Split('\n').ToList();
    }
}
