using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.Nominations;

/// <summary>A cycle made for one test, with every default category active.</summary>
public sealed record TestCycle(int Id, int Year, IReadOnlyDictionary<CategoryKind, int> Categories)
{
    public string YearText => Year.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Cycles, employers and nominations for the nomination tests, written straight into the test
/// class's database (the pages under test are used for everything they are meant to do). Each call
/// makes fresh data: a cycle of an unused year, an employer with a new NPP.
/// </summary>
public sealed class NominationTestData(PortalFactory factory)
{
    public NominationTestData(PortalFixture portal)
        : this(portal.Factory)
    {
    }

    public const string Member = "anggota.bali@paritrana.demo";
    public const string MemberName = "Ni Luh Anggota";
    public const string Chair = "ketua.bali@paritrana.demo";
    public const string Denpasar = "cabang.denpasar@paritrana.demo";
    public const string DenpasarName = "Petugas Kantor Cabang Denpasar";
    public const string Gianyar = "cabang.gianyar@paritrana.demo";
    public const string JatengMember = "anggota.jateng@paritrana.demo";
    public const string AdminEmail = "admin@paritrana.demo";

    private static readonly SemaphoreSlim YearGate = new(1, 1);

    public ParitranaDbContext NewContext() =>
        PortalHosts.NewContext(factory.Database);

    /// <summary>A cycle of a year no other cycle has (2020 downwards, so that the demo's recent years stay free), all categories active.</summary>
    public async Task<TestCycle> CycleAsync(bool closed = false) => await CycleAsync(closed, notes: null);

    /// <summary>One open cycle for the many small tests of a class that do not count what is in it.</summary>
    public async Task<TestCycle> SharedCycleAsync()
    {
        await using (var db = NewContext())
        {
            var shared = await db.AwardCycles.Where(c => c.Notes == SharedNote).Include(c => c.Categories).FirstOrDefaultAsync();
            if (shared is not null)
            {
                return new TestCycle(shared.Id, shared.Year, shared.Categories.ToDictionary(c => c.Kind, c => c.Id));
            }
        }

        return await CycleAsync(closed: false, SharedNote);
    }

    private const string SharedNote = "nomination tests: shared cycle";

    private async Task<TestCycle> CycleAsync(bool closed, string? notes)
    {
        await YearGate.WaitAsync();
        try
        {
            await using var db = NewContext();
            var taken = await db.AwardCycles.Select(c => c.Year).ToListAsync();
            var year = Enumerable.Range(2001, 20).Reverse().First(y => !taken.Contains(y));
            var cycle = new AwardCycle { Year = year, IsClosed = closed, Notes = notes, CreatedAt = DateTimeOffset.UtcNow };
            var order = 0;
            foreach (var (code, name, kind, _) in CategoryKinds.Defaults)
            {
                cycle.Categories.Add(new Category { Code = code, Name = name, Kind = kind, SortOrder = ++order, IsActive = true });
            }

            db.AwardCycles.Add(cycle);
            await db.SaveChangesAsync();
            return new TestCycle(cycle.Id, year, cycle.Categories.ToDictionary(c => c.Kind, c => c.Id));
        }
        finally
        {
            YearGate.Release();
        }
    }

    public async Task CloseAsync(TestCycle cycle)
    {
        await using var db = NewContext();
        await db.AwardCycles.Where(c => c.Id == cycle.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsClosed, true));
        PortalHosts.ReferenceDataChanged(factory.Database);
    }

    /// <summary>An employer in a regency or city of Bali (or elsewhere), served by the branch covering it, with imported figures when given.</summary>
    public async Task<Organisation> EmployerAsync(
        string regencyCode,
        string? name = null,
        SizeClass size = SizeClass.Large,
        (DateOnly AsOf, int Workers, int Pu, int Bpu, Programs Programs, int Arrears)? latest = null)
    {
        await using var db = NewContext();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var branch = await db.BranchOffices.Where(b => b.Areas.Any(a => a.RegencyCode == regencyCode)).Select(b => (int?)b.Id).FirstOrDefaultAsync();
        var organisation = new Organisation
        {
            Type = OrganisationType.Employer,
            Name = name ?? $"PT Uji Nominasi {tag}",
            ProvinceCode = regencyCode[..2],
            RegencyCode = regencyCode,
            Npp = "9" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
            BranchOfficeId = branch,
            SizeClass = size,
            Sector = "Jasa",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        if (latest is { } f)
        {
            organisation.LatestAsOf = f.AsOf;
            organisation.LatestWorkers = f.Workers;
            organisation.LatestParticipantsPu = f.Pu;
            organisation.LatestParticipantsBpu = f.Bpu;
            organisation.LatestPrograms = f.Programs;
            organisation.LatestArrearsMonths = f.Arrears;
        }

        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    /// <summary>A nomination written directly, in the given status, with complete employer figures.</summary>
    public async Task<int> NominationAsync(TestCycle cycle, Organisation employer, NominationStatus status = NominationStatus.Draft, CategoryKind kind = CategoryKind.LargeCompany)
    {
        await using var db = NewContext();
        var now = DateTimeOffset.UtcNow;
        var nomination = new Nomination
        {
            CycleId = cycle.Id,
            CategoryId = cycle.Categories[kind],
            OrganisationId = employer.Id,
            ProvinceCode = employer.ProvinceCode,
            RegencyCode = employer.RegencyCode,
            BranchOfficeId = employer.BranchOfficeId,
            Status = status,
            FiguresAsOf = new DateOnly(2025, 12, 31),
            Workers = 100,
            ParticipantsPu = 90,
            ParticipantsBpu = 5,
            Programs = Programs.All,
            ArrearsMonths = 0,
            CreatedBy = Guid.Empty,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination.Id;
    }

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        await TestDatabase.ScalarAsync<T>(factory.Database, sql, parameters);

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        await TestDatabase.ScalarAsync<long>(factory.Database, sql, parameters);

    public async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
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

    /// <summary>The id in a redirect to /Nominations/Edit/{id} or /Nominations/Details/{id}.</summary>
    public static int IdFromLocation(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = response.Headers.Location!.OriginalString.Split('?', '#')[0];
        return int.Parse(path[(path.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
    }

    public static string FieldError(IHtmlDocument page, string field) =>
        PortalClient.Text(page.QuerySelector($"[data-valmsg-for='{field}']"));

    public static string Summary(IHtmlDocument page) =>
        PortalClient.Text(page.QuerySelector(".validation-summary-errors"));
}
