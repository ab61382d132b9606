using AngleSharp.Dom;
using System.Globalization;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using Paritrana.Domain.Regions;
using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// Cycles, candidates, nominations, visits and coaching items for the field-work tests, written
/// straight into the test class's database; the pages under test are used for what they are meant
/// to do. Every call makes fresh data (a new employer, a new nomination), so tests of one class
/// share the database without depending on each other.
/// </summary>
public sealed class FieldWorkTestData(FieldWorkFixture fixture)
{
    public const string BaliChair = "ketua.bali@paritrana.demo";
    public const string BaliChairName = "I Made Ketua";
    public const string BaliMember = "anggota.bali@paritrana.demo";
    public const string BaliMemberName = "Ni Luh Anggota";
    public const string Denpasar = "cabang.denpasar@paritrana.demo";
    public const string Gianyar = "cabang.gianyar@paritrana.demo";
    public const string JatengChair = "ketua.jateng@paritrana.demo";
    public const string JatengMember = "anggota.jateng@paritrana.demo";
    public const string Admin = "admin@paritrana.demo";

    private const string SharedNote = "field-work tests: shared cycle";
    private static readonly SemaphoreSlim CycleGate = new(1, 1);

    public ParitranaDbContext NewContext() =>
        PortalHosts.NewContext(fixture.Database);

    /// <summary>A short unique tag for names.</summary>
    public static string Tag() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>Today in Bali (WITA), as the pages count overdue days there.</summary>
    public static DateOnly BaliToday => ProvinceTime.Today(DateTimeOffset.UtcNow, "51");

    /// <summary>The open cycle all tests of a class share (a year no other cycle has), every default category active.</summary>
    public async Task<(int Id, IReadOnlyDictionary<CategoryKind, int> Categories)> CycleAsync(bool closed = false)
    {
        await CycleGate.WaitAsync();
        try
        {
            await using var db = NewContext();
            var note = closed ? SharedNote + " (closed)" : SharedNote;
            var shared = await db.AwardCycles.Where(c => c.Notes == note).Include(c => c.Categories).FirstOrDefaultAsync();
            if (shared is not null)
            {
                return (shared.Id, shared.Categories.ToDictionary(c => c.Kind, c => c.Id));
            }

            var taken = await db.AwardCycles.Select(c => c.Year).ToListAsync();
            var year = Enumerable.Range(2001, 20).Reverse().First(y => !taken.Contains(y));
            var cycle = new AwardCycle { Year = year, IsClosed = closed, Notes = note, CreatedAt = DateTimeOffset.UtcNow };
            var order = 0;
            foreach (var (code, name, kind, _) in CategoryKinds.Defaults)
            {
                cycle.Categories.Add(new Category { Code = code, Name = name, Kind = kind, SortOrder = ++order, IsActive = true });
            }

            db.AwardCycles.Add(cycle);
            await db.SaveChangesAsync();
            return (cycle.Id, cycle.Categories.ToDictionary(c => c.Kind, c => c.Id));
        }
        finally
        {
            CycleGate.Release();
        }
    }

    /// <summary>A nomination of a new employer in a regency or city (51.71 Denpasar by default), in the given status.</summary>
    public async Task<TestNomination> NominationAsync(
        string regencyCode = "51.71",
        NominationStatus status = NominationStatus.InFieldAssessment,
        bool closedCycle = false,
        string? name = null)
    {
        var cycle = await CycleAsync(closedCycle);
        await using var db = NewContext();
        var branch = await db.BranchOffices.Where(b => b.Areas.Any(a => a.RegencyCode == regencyCode)).Select(b => (int?)b.Id).FirstOrDefaultAsync();
        var now = DateTimeOffset.UtcNow;
        var organisation = new Organisation
        {
            Type = OrganisationType.Employer,
            Name = name ?? $"PT Uji Lapangan {Tag()}",
            ProvinceCode = regencyCode[..2],
            RegencyCode = regencyCode,
            Npp = "8" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
            BranchOfficeId = branch,
            SizeClass = SizeClass.Large,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var nomination = new Nomination
        {
            CycleId = cycle.Id,
            CategoryId = cycle.Categories[CategoryKind.LargeCompany],
            OrganisationId = organisation.Id,
            ProvinceCode = organisation.ProvinceCode,
            RegencyCode = regencyCode,
            BranchOfficeId = branch,
            Status = status,
            Workers = 100,
            ParticipantsPu = 90,
            ParticipantsBpu = 5,
            Programs = Programs.All,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return new TestNomination(nomination.Id, organisation.Name, organisation.ProvinceCode, regencyCode);
    }

    /// <summary>A government regulation on a nomination (evidence can be attached to it).</summary>
    public async Task<int> RegulationAsync(int nominationId, string number = "3", int year = 2024, string title = "Perlindungan Jaminan Sosial Ketenagakerjaan")
    {
        await using var db = NewContext();
        var regulation = new GovernmentRegulation { NominationId = nominationId, Type = RegulationType.Pergub, Number = number, Year = year, Title = title };
        db.GovernmentRegulations.Add(regulation);
        await db.SaveChangesAsync();
        return regulation.Id;
    }

    /// <summary>A visit written directly (planned unless told otherwise), with the Bali chair as its only member.</summary>
    public async Task<int> VisitAsync(TestNomination nomination, DateTimeOffset plannedAt, VisitStatus status = VisitStatus.Planned, string place = "Kantor pusat", IEnumerable<string>? members = null)
    {
        await using var db = NewContext();
        var emails = (members ?? [nomination.ProvinceCode == "51" ? BaliChair : JatengChair]).ToList();
        var ids = await db.Users.Where(u => emails.Contains(u.Email!)).Select(u => u.Id).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        var visit = new Visit
        {
            NominationId = nomination.Id,
            ProvinceCode = nomination.ProvinceCode,
            RegencyCode = nomination.RegencyCode,
            PlannedAt = plannedAt,
            Place = place,
            Purpose = "Memeriksa kepesertaan",
            Status = status,
            DoneAt = status == VisitStatus.Done ? plannedAt : null,
            Findings = status == VisitStatus.Done ? "Temuan" : null,
            CancelReason = status == VisitStatus.Cancelled ? "Batal" : null,
            CreatedAt = now,
            UpdatedAt = now,
            Members = ids.Select(id => new VisitMember { UserId = id }).ToList(),
        };
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        return visit.Id;
    }

    /// <summary>A coaching item written directly.</summary>
    public async Task<int> ItemAsync(TestNomination nomination, DateOnly dueDate, CoachingStatus status = CoachingStatus.Open, string? finding = null, int? visitId = null)
    {
        await using var db = NewContext();
        var now = DateTimeOffset.UtcNow;
        var item = new CoachingItem
        {
            NominationId = nomination.Id,
            ProvinceCode = nomination.ProvinceCode,
            RegencyCode = nomination.RegencyCode,
            VisitId = visitId,
            Finding = finding ?? $"Temuan {Tag()}",
            Recommendation = "Daftarkan semua pekerja",
            DueDate = dueDate,
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.CoachingItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    public async Task<Guid> UserIdAsync(string email)
    {
        await using var db = NewContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        await TestDatabase.ScalarAsync<T>(fixture.Database, sql, parameters);

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        await TestDatabase.ScalarAsync<long>(fixture.Database, sql, parameters);

    public async Task ExecuteAsync(string sql) => await TestDatabase.ExecuteAsync(sql, fixture.Database);

    public async Task<PortalClient> SignedInAsync(string email)
    {
        var client = fixture.CreateClient();
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

    /// <summary>
    /// Uploads a file through the upload page as a browser does: reads the page, takes the
    /// antiforgery token from its form and posts a multipart form with the file.
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(PortalClient client, string uploadUrl, byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        var page = await client.GetPageAsync(uploadUrl);
        var form = page.QuerySelector<IHtmlFormElement>("#upload-form") ?? throw new InvalidOperationException($"No upload form on {uploadUrl}.");
        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in PortalClient.ReadForm(form))
        {
            multipart.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        multipart.Add(file, "Input.File", fileName);
        var action = System.Net.WebUtility.HtmlDecode(form.GetAttribute("action")!)!;
        return await client.Http.PostAsync(new Uri(action, UriKind.Relative), multipart);
    }

    public static string FieldError(IHtmlDocument page, string field) =>
        PortalClient.Text(page.QuerySelector($"[data-valmsg-for='{field}']"));

    public static string Summary(IHtmlDocument page) =>
        PortalClient.Text(page.QuerySelector(".validation-summary-errors"));

    /// <summary>The id at the end of a redirect's path (/FieldWork/Visits/Details/12).</summary>
    public static int IdFromLocation(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = response.Headers.Location!.OriginalString.Split('?', '#')[0];
        return int.Parse(path[(path.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
    }
}

public sealed record TestNomination(int Id, string Name, string ProvinceCode, string RegencyCode);
