using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.National;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Data;
using Paritrana.Web.Tests.FieldWork;
using Paritrana.Web.Tests.Imports;

namespace Paritrana.Web.Tests.Security;

/// <summary>A page of the app as its endpoint data describes it: its handlers and route parameters.</summary>
public sealed record AppPage(string Page, IReadOnlyList<string> Handlers, IReadOnlyList<string> RouteParameters, CompiledPageActionDescriptor Descriptor);

/// <summary>
/// One portal and database per test class (like <see cref="PortalFixture"/>, with evidence and
/// import files in a directory of the class), the records the matrix's URLs point to, in Kota
/// Denpasar (every demo role's scope) and in Gianyar (for the cross-branch probes), and one
/// signed-in client per demo account, reused by the tests of the class.
/// </summary>
public sealed partial class MatrixFixture : IAsyncLifetime
{
    private readonly Dictionary<string, PortalClient> _clients = new(StringComparer.Ordinal);
    private PortalFactory? _factory;

    public PortalFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public string Database => Factory.Database;

    public string FilesDirectory { get; } = Path.Combine(Path.GetTempPath(), "paritrana-test-matrix", Guid.NewGuid().ToString("N"));

    /// <summary>Records in Kota Denpasar (51.71): in scope of every role of the matrix.</summary>
    public IReadOnlyDictionary<string, string> Denpasar { get; private set; } = new Dictionary<string, string>();

    /// <summary>The same kinds of records in Gianyar (51.04): outside cabang.denpasar's branch.</summary>
    public IReadOnlyDictionary<string, string> Gianyar { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<AppPage> AppPages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync("am");
        _factory = new PortalFactory(database, settings: new Dictionary<string, string?>
        {
        });
        _ = _factory.Server;
        AppPages = await LoadAppPagesAsync(_factory.Services);
        var shared = await ProvinceRecordsAsync();
        Denpasar = await BranchRecordsAsync("51.71", "cabang.denpasar@paritrana.demo", shared);
        Gianyar = await BranchRecordsAsync("51.04", "cabang.gianyar@paritrana.demo", shared);
        // Signing in writes to the users table; all of it happens here, before the tests take their fingerprints.
        foreach (var email in AccessMatrix.Accounts.Values.Concat(OtherScopes))
        {
            await ClientAsync(email);
        }
    }

    /// <summary>The demo accounts of the other province and the other branch, for the record probes.</summary>
    public static readonly IReadOnlyList<string> OtherScopes =
        ["ketua.jateng@paritrana.demo", "anggota.jateng@paritrana.demo", "cabang.gianyar@paritrana.demo"];

    /// <summary>A response as the tests compare it: "404", "200", "302 /Account/AccessDenied".</summary>
    public static string Answer(HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? $"{(int)response.StatusCode} {(location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0])}"
            : $"{(int)response.StatusCode}";

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await TestDatabase.DropAsync(_factory.Database);
        }

        if (Directory.Exists(FilesDirectory))
        {
            Directory.Delete(FilesDirectory, recursive: true);
        }
    }

    /// <summary>The client of a demo account (null: an anonymous visitor), signed in once per class.</summary>
    public async Task<PortalClient> ClientAsync(string? email)
    {
        var key = email ?? "";
        if (!_clients.TryGetValue(key, out var client))
        {
            client = Factory.CreatePortalClient();
            if (email is not null)
            {
                await client.SignedInAsAsync(email);
            }

            _clients[key] = client;
        }

        return client;
    }

    /// <summary>An antiforgery token of the client's session, as any form of the portal carries it.</summary>
    public static async Task<string> TokenAsync(PortalClient client, bool signedIn)
    {
        var page = await client.GetPageAsync(signedIn ? "/Account/ChangePassword" : "/Account/Login");
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException("No antiforgery token on the page.");
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    /// <summary>The URL with its placeholders replaced by the records' ids.</summary>
    public static string Resolve(string template, IReadOnlyDictionary<string, string> records) =>
        Placeholder().Replace(template, m => records.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new InvalidOperationException($"No record for {{{m.Groups[1].Value}}} in {template}."));

    /// <summary>The URL of a handler: ?handler=Name added for a named one.</summary>
    public static string WithHandler(string url, string handler)
    {
        var name = handler.Split(' ') is [_, var n] ? n : null;
        return name is null ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + name;
    }

    /// <summary>
    /// A fingerprint of every table but the audit trail: row counts and the sum of the row
    /// versions (xmin changes on every update), so any insert, update or delete shows.
    /// </summary>
    public async Task<Dictionary<string, string>> FingerprintAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionStringFor(Database));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('audit_events', 'sign_in_attempts', 'jobs', 'data_protection_keys') ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        // Left out above: the audit trail, and what the portal keeps for itself on any request
        // (docs/decisions/018): every sign-in post is counted in sign_in_attempts, a key may be
        // created and the job runner writes its jobs.
        // user_sessions.last_seen_at is written by any request once a minute (docs/decisions/012):
        // there a GET may change nothing but that, so the sessions count by id and how they ended.
        var sql = string.Join(" UNION ALL ", tables.Select(t => t == "user_sessions"
            ? $"SELECT '{t}', count(*) || '/' || coalesce(string_agg(id || ':' || coalesce(ended_reason, '-'), ',' ORDER BY id), '') FROM {t}"
            : $"SELECT '{t}', count(*) || '/' || coalesce(sum(xmin::text::bigint), 0) FROM \"{t}\""));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = new Npgsql.NpgsqlCommand(sql, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                result[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return result;
    }

    /// <summary>The largest audit event id (events after it were written by what follows).</summary>
    public async Task<long> LastAuditIdAsync() =>
        await TestDatabase.ScalarAsync<long>(Database, "SELECT coalesce(max(id), 0) FROM audit_events");

    /// <summary>The actions of the audit events written after <paramref name="after"/>.</summary>
    public async Task<List<string>> AuditActionsSinceAsync(long after)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionStringFor(Database));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT action FROM audit_events WHERE id > @after ORDER BY id", connection);
        command.Parameters.AddWithValue("after", after);
        var actions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }

    /// <summary>
    /// Every Razor page of the app from its endpoint data source, each loaded as the router loads it,
    /// with its handlers ("GET" for every page, even one without a handler method; "POST Submit" for
    /// OnPostSubmitAsync) and the parameters of its route.
    /// </summary>
    public static async Task<IReadOnlyList<AppPage>> LoadAppPagesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Descriptor is not null)
            .GroupBy(x => x.Descriptor!.ViewEnginePath, StringComparer.Ordinal);
        var pages = new List<AppPage>();
        foreach (var group in endpoints)
        {
            var (endpoint, descriptor) = group.First();
            var compiled = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor!, endpoint.Metadata);
            var handlers = compiled.HandlerMethods
                .Select(h => h.Name is null ? h.HttpMethod.ToUpperInvariant() : $"{h.HttpMethod.ToUpperInvariant()} {h.Name}")
                .Append("GET")
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            var parameters = group.SelectMany(x => x.Endpoint.RoutePattern.Parameters.Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
            pages.Add(new AppPage(group.Key, handlers, parameters, compiled));
        }

        return pages.OrderBy(p => p.Page, StringComparer.Ordinal).ToList();
    }

    private ParitranaDbContext NewContext() =>
        PortalHosts.NewContext(Database);

    /// <summary>Records of Bali as a whole and national ones (cycle, rounds, offices, users).</summary>
    private async Task<Dictionary<string, string>> ProvinceRecordsAsync()
    {
        await using var db = NewContext();
        var cycle = await db.AwardCycles.Include(c => c.Categories).SingleAsync(c => c.IsCurrent);
        var category = cycle.Categories.Single(c => c.Kind == CategoryKind.LargeCompany);
        // The demo's criteria of the category (its template) give way to the matrix's own, as a new version would.
        await db.CriteriaSets.Where(s => s.CategoryId == category.Id && s.IsCurrent).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsCurrent, false));
        var criteria = new CriteriaSet
        {
            CycleId = cycle.Id,
            CategoryId = category.Id,
            VersionNumber = 2,
            IsLocked = true,
            CreatedAt = DateTimeOffset.UtcNow,
            Aspects =
            [
                new Aspect
                {
                    Code = "A1", Name = "Kepatuhan", Weight = 100, SortOrder = 1,
                    Indicators = [new Indicator { Code = "I1", Name = "Pendaftaran pekerja", Weight = 100, Scale = ScaleKind.Percent, SortOrder = 1 }],
                },
            ],
        };
        db.CriteriaSets.Add(criteria);
        var open = new ScoringRound
        {
            CycleId = cycle.Id, ProvinceCode = "51", Name = "Matriks Dokumen", Kind = RoundKind.Documents, Weight = 60, SortOrder = 1,
            Status = RoundStatus.Open, Aspects = [new RoundAspect { AspectCode = "A1" }],
        };
        var draft = new ScoringRound
        {
            CycleId = cycle.Id, ProvinceCode = "51", Name = "Matriks Wawancara", Kind = RoundKind.Interview, Weight = 40, SortOrder = 2,
            Status = RoundStatus.Draft, Aspects = [new RoundAspect { AspectCode = "A1" }],
        };
        db.ScoringRounds.AddRange(open, draft);
        await db.SaveChangesAsync();
        var branch = await db.BranchOffices.SingleAsync(b => b.Name == DemoSeeder.Denpasar);

        // The national stage (docs/decisions/043): an open national round of 2021 with one submitted card of
        // juri2 on Bali's forwarded Bank BPD Bali (total 88.5), for the probes that no province sees it.
        var pooled = await db.Nominations.Where(n => n.Organisation!.Npp == "51710001" && NationalStage.PoolStatuses.Contains(n.Status))
            .Select(n => new { n.Id, n.CycleId }).SingleAsync();
        var juror = await db.Users.Where(u => u.Email == "juri2@paritrana.demo").Select(u => u.Id).SingleAsync();
        var national = new ScoringRound
        {
            CycleId = pooled.CycleId, ProvinceCode = NationalStage.Code, Name = "Matriks Nasional", Kind = RoundKind.Documents, Weight = 10, SortOrder = 9,
            Status = RoundStatus.Open, Aspects = [new RoundAspect { AspectCode = "A1" }],
        };
        db.ScoringRounds.Add(national);
        await db.SaveChangesAsync();
        db.Assignments.Add(new Assignment { RoundId = national.Id, NominationId = pooled.Id, ScorerId = juror, AssignedBy = juror, AssignedAt = DateTimeOffset.UtcNow });
        var nationalCard = new Scorecard
        {
            RoundId = national.Id, NominationId = pooled.Id, ScorerId = juror, CriteriaSetId = criteria.Id, ProvinceCode = NationalStage.Code,
            Status = ScorecardStatus.Submitted, Total = 88.5m, SubmittedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Scorecards.Add(nationalCard);
        await db.SaveChangesAsync();
        // Its interview before the jury, scheduled by the demo (docs/decisions/046).
        var interview = await db.Interviews.Where(i => i.NominationId == pooled.Id && i.Status == InterviewStatus.Scheduled).Select(i => new { i.Id }).SingleAsync();

        // Bali's 2021 plenary decision, frozen by the demo seeder: its document number and verification code.
        var document = await db.PlenaryDecisionVersions.SingleAsync(v => v.ProvinceCode == "51");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["document"] = document.DocumentNumber,
            ["code"] = DecisionDocument.FormatCode(document.VerificationCode),
            ["province"] = "51",
            ["cycle"] = Id(cycle.Id),
            ["category"] = Id(category.Id),
            ["criteria"] = Id(criteria.Id),
            ["round"] = Id(open.Id),
            ["draftRound"] = Id(draft.Id),
            ["branch"] = Id(branch.Id),
            ["regional"] = Id(branch.RegionalOfficeId),
            ["user"] = (await db.Users.SingleAsync(u => u.Email == AccessMatrix.Accounts[Who.Member])).Id.ToString(),
            // A finalist of the national pool: Bali's forwarded Bank BPD Bali of 2021 (demo data, docs/decisions/043).
            ["nationalRound"] = Id(national.Id),
            ["nationalCard"] = Id(nationalCard.Id),
            ["interview"] = Id(interview.Id),
            // Kota Denpasar's own records, for its representative (docs/decisions/050): its current
            // nomination, the open coaching item addressed to it, and the file of its answer (the demo's).
            ["candidateNomination"] = Id(await db.Nominations.Where(n => n.Organisation!.Name == "Pemerintah Kota Denpasar" && n.CycleId == cycle.Id).Select(n => n.Id).SingleAsync()),
            ["candidateItem"] = Id(await db.CoachingItems.Where(i => i.SharedWithCandidate && i.CandidateAnsweredAt == null && (i.Status == CoachingStatus.Open || i.Status == CoachingStatus.InProgress)).Select(i => i.Id).SingleAsync()),
            ["candidateFile"] = (await db.EvidenceFiles.Where(f => db.Users.Any(u => u.Id == f.UploadedBy && u.OrganisationId != null)).Select(f => f.Id).SingleAsync()).ToString(),
            ["pooled"] = Id(await db.Nominations.Where(n => n.Organisation!.Npp == "51710001" && NationalStage.PoolStatuses.Contains(n.Status)).Select(n => n.Id).SingleAsync()),
            // The matrix's candidate (kandidat.denpasar) and its current-cycle nomination, with the demo's self-assessment draft (docs/decisions/051).
            ["candidateDocument"] = (await db.SelfAssessmentDocuments.Where(d => db.SelfAssessments.Any(s => s.Id == d.SelfAssessmentId && db.Organisations.Any(o => o.Id == s.OrganisationId && o.Name == "Pemerintah Kota Denpasar"))).Select(d => d.Id).FirstAsync()).ToString(),
        };
    }

    /// <summary>
    /// The records of one regency or city: an employer with a draft nomination, a nomination in field
    /// assessment with a planned visit, a coaching item and an evidence file (uploaded through the
    /// page), one being scored (assigned to the Bali chair and member, the member's card submitted),
    /// a submitted one, and two import batches of the branch (one previewed, one completed).
    /// </summary>
    private async Task<Dictionary<string, string>> BranchRecordsAsync(string regency, string officer, Dictionary<string, string> shared)
    {
        var records = new Dictionary<string, string>(shared, StringComparer.Ordinal) { ["regency"] = regency };
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using (var db = NewContext())
        {
            var cycle = await db.AwardCycles.Include(c => c.Categories).SingleAsync(c => c.IsCurrent);
            var category = cycle.Categories.Single(c => c.Kind == CategoryKind.LargeCompany);
            var branch = await db.BranchOffices.Where(b => b.Areas.Any(a => a.RegencyCode == regency)).Select(b => (int?)b.Id).SingleAsync();
            var users = await db.Users.Where(u => u.Email!.EndsWith("bali@paritrana.demo")).ToDictionaryAsync(u => u.Email!, u => u.Id);
            var now = DateTimeOffset.UtcNow;

            Nomination NominationOf(NominationStatus status, string name)
            {
                var organisation = new Organisation
                {
                    Type = OrganisationType.Employer, Name = $"PT Matriks {name} {tag}", ProvinceCode = "51", RegencyCode = regency,
                    Npp = "7" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
                    BranchOfficeId = branch, SizeClass = SizeClass.Large, Sector = "Jasa", CreatedAt = now, UpdatedAt = now,
                };
                var nomination = new Nomination
                {
                    CycleId = cycle.Id, CategoryId = category.Id, Organisation = organisation, ProvinceCode = "51", RegencyCode = regency,
                    BranchOfficeId = branch, Status = status, FiguresAsOf = new DateOnly(2024, 12, 31), Workers = 100, ParticipantsPu = 90,
                    ParticipantsBpu = 5, Programs = Programs.All, ArrearsMonths = 0, CreatedAt = now, UpdatedAt = now,
                };
                db.Nominations.Add(nomination);
                return nomination;
            }

            var draft = NominationOf(NominationStatus.Draft, "Draf");
            var field = NominationOf(NominationStatus.InFieldAssessment, "Lapangan");
            var scoring = NominationOf(NominationStatus.ReadyForScoring, "Penilaian");
            var submitted = NominationOf(NominationStatus.Submitted, "Diajukan");
            await db.SaveChangesAsync();

            var visit = new Visit
            {
                NominationId = field.Id, ProvinceCode = "51", RegencyCode = regency, PlannedAt = now.AddDays(-1), Place = "Kantor pusat",
                Purpose = "Memeriksa kepesertaan", CreatedAt = now, UpdatedAt = now,
                Members = [new VisitMember { UserId = users["ketua.bali@paritrana.demo"] }, new VisitMember { UserId = users["anggota.bali@paritrana.demo"] }],
            };
            db.Visits.Add(visit);
            var item = new CoachingItem
            {
                NominationId = field.Id, ProvinceCode = "51", RegencyCode = regency, Finding = "Sebagian pekerja belum terdaftar",
                Recommendation = "Daftarkan semua pekerja", DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), Status = CoachingStatus.Open,
                CreatedAt = now, UpdatedAt = now,
            };
            db.CoachingItems.Add(item);
            var round = int.Parse(shared["round"], CultureInfo.InvariantCulture);
            foreach (var scorer in new[] { "ketua.bali@paritrana.demo", "anggota.bali@paritrana.demo" })
            {
                db.Assignments.Add(new Assignment { RoundId = round, NominationId = scoring.Id, ScorerId = users[scorer], AssignedBy = users["ketua.bali@paritrana.demo"], AssignedAt = now });
            }

            var criteriaId = int.Parse(shared["criteria"], CultureInfo.InvariantCulture);
            var indicator = await db.Aspects.Where(a => a.CriteriaSetId == criteriaId).SelectMany(a => a.Indicators).Select(i => i.Id).SingleAsync();
            var card = new Scorecard
            {
                RoundId = round, NominationId = scoring.Id, ScorerId = users["anggota.bali@paritrana.demo"],
                CriteriaSetId = criteriaId, ProvinceCode = "51", RegencyCode = regency,
                Status = ScorecardStatus.Submitted, Total = 80, Strengths = "Kepatuhan baik", SubmittedAt = now, UpdatedAt = now,
                Scores = [new Score { IndicatorId = indicator, Value = 80, Comment = "Baik" }],
            };
            db.Scorecards.Add(card);
            var done = new ImportBatch
            {
                FileName = $"selesai-{tag}.csv", FileSize = 100, UserEmail = officer, BranchOfficeId = branch, Status = ImportStatus.Completed,
                TotalRows = 1, ValidRows = 1, ProcessedRows = 1, Unchanged = 1, CreatedAt = now, CompletedAt = now,
            };
            db.ImportBatches.Add(done);
            await db.SaveChangesAsync();

            records["draft"] = Id(draft.Id);
            records["employer"] = Id(draft.OrganisationId);
            records["field"] = Id(field.Id);
            records["scoring"] = Id(scoring.Id);
            records["submitted"] = Id(submitted.Id);
            records["visit"] = Id(visit.Id);
            records["item"] = Id(item.Id);
            records["card"] = Id(card.Id);
            records["importDone"] = done.Id.ToString(CultureInfo.InvariantCulture);
        }

        // The file and the previewed import go through their pages, so that they are stored as the portal stores them.
        var chair = await ClientAsync(AccessMatrix.Accounts[Who.Chair]);
        using (var upload = await FieldWorkTestData.UploadAsync(chair, $"/FieldWork/Files/Upload?nomination={records["field"]}&visit={records["visit"]}",
                   Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"), "bukti.pdf", "application/pdf"))
        {
            upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        records["file"] = (await TestDatabase.ScalarAsync<Guid>(Database, "SELECT id FROM evidence_files WHERE nomination_id = @n",
            ("n", int.Parse(records["field"], CultureInfo.InvariantCulture)))).ToString();
        // The same stored file listed as an evidence file of the national pool's finalist, for its national download (docs/decisions/048).
        records["pooledFile"] = (await TestDatabase.ScalarAsync<Guid>(Database, """
            INSERT INTO evidence_files (id, nomination_id, province_code, file_name, kind, size, sha256, storage_name, uploaded_by, uploaded_at, is_removed)
            SELECT gen_random_uuid(), @pooled, '51', 'bukti-nasional.pdf', kind, size, sha256, storage_name, uploaded_by, uploaded_at, false
            FROM evidence_files WHERE id = @file RETURNING id
            """, ("pooled", int.Parse(records["pooled"], CultureInfo.InvariantCulture)), ("file", Guid.Parse(records["file"])))).ToString();
        var branchOfficer = await ClientAsync(officer);
        var npp = "6" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        var branchName = officer.StartsWith("cabang.denpasar", StringComparison.Ordinal) ? "Denpasar" : "Gianyar";
        var row = $"{npp},PT Impor {tag},{regency},{branchName},Kecil,Dagang,10,5,0,JKK,0,2024-12-31";
        records["import"] = (await ImportTestKit.UploadAcceptedAsync(branchOfficer, ImportTestKit.Csv(row))).ToString(CultureInfo.InvariantCulture);
        var regional = Encoding.UTF8.GetBytes($"kode_wilayah,periode,pekerja_formal,pekerja_informal,peserta_pu,peserta_bpu,pemberi_kerja_aktif,desa_sadar\n{regency},2019-01,10,10,5,5,1,\n");
        records["regionalImport"] = (await ImportTestKit.UploadAcceptedAsync(branchOfficer, regional, "cakupan.csv", "/Imports/Regional")).ToString(CultureInfo.InvariantCulture);
        return records;
    }

    /// <summary>A nomination ready for scoring in the current cycle, in a regency or city of another province.</summary>
    public async Task<int> ReadyNominationAsync(string regency)
    {
        await using var db = NewContext();
        var cycle = await db.AwardCycles.Include(c => c.Categories).SingleAsync(c => c.IsCurrent);
        var now = DateTimeOffset.UtcNow;
        var nomination = new Nomination
        {
            CycleId = cycle.Id, CategoryId = cycle.Categories.Single(c => c.Kind == CategoryKind.LargeCompany).Id, ProvinceCode = regency[..2],
            RegencyCode = regency, Status = NominationStatus.ReadyForScoring, Workers = 100, ParticipantsPu = 90, Programs = Programs.All,
            CreatedAt = now, UpdatedAt = now,
            Organisation = new Organisation
            {
                Type = OrganisationType.Employer, Name = $"PT Provinsi Lain {Guid.NewGuid():N}"[..30], ProvinceCode = regency[..2], RegencyCode = regency,
                Npp = "5" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
                SizeClass = SizeClass.Large, CreatedAt = now, UpdatedAt = now,
            },
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination.Id;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
