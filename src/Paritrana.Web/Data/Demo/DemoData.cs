using System.Text.Json;
using System.Text.Json.Serialization;

namespace Paritrana.Web.Data.Demo;

/// <summary>
/// The demo's content, read from the JSON files of Data/Demo (embedded in the assembly, as the
/// region CSVs are): the two cycles, the organisations and the nominations with the workflow steps
/// they went through. The format is described in Data/Demo/README.md; the seeder applies the files
/// through the portal's own services (<see cref="DemoAwardSeeder"/>, docs/decisions/023).
/// </summary>
public static class DemoData
{
    public const string History = "history";
    public const string Current = "current";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Lazy<DemoCycles> CyclesFile = new(() => Read<DemoCycles>("cycles.json"));
    private static readonly Lazy<DemoOrganisations> OrganisationsFile = new(() => Read<DemoOrganisations>("organisations.json"));
    private static readonly Lazy<IReadOnlyList<DemoNomination>> NominationsFile = new(() => Read<List<DemoNomination>>("nominations.json"));

    public static DemoCycles Cycles => CyclesFile.Value;

    public static DemoOrganisations Organisations => OrganisationsFile.Value;

    public static IReadOnlyList<DemoNomination> Nominations => NominationsFile.Value;

    private static T Read<T>(string file)
    {
        var name = $"Paritrana.Demo.{file}";
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        return JsonSerializer.Deserialize<T>(stream, Options) ?? throw new InvalidOperationException($"{name} is empty.");
    }
}

public sealed record DemoCycles(DemoHistoryCycle History, DemoCurrentCycle Current);

public sealed record DemoHistoryCycle(int Year, string Notes, IReadOnlyList<DemoStage> Stages);

/// <summary>The current cycle: its year is the year of the demo's first start, its dates days from that day.</summary>
public sealed record DemoCurrentCycle(string Notes, IReadOnlyList<DemoStage> Stages)
{
    /// <summary>The notes with <c>{assessed}</c> replaced by the assessed year (the year before the cycle's).</summary>
    public string NotesFor(int year) => Notes.Replace("{assessed}", (year - 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

public sealed record DemoStage(StageKind Stage, string Starts, string Ends);

public sealed record DemoOrganisations(IReadOnlyList<DemoGovernment> Governments, IReadOnlyList<DemoEmployer> Employers);

public sealed record DemoGovernment(string Province, string? Regency, string Name);

public sealed record DemoFigures(int Workers, int Pu, int Bpu, Programs Programs, int ArrearsMonths);

public sealed record DemoEmployer(
    string Npp, string Name, string Regency, string Branch, SizeClass Size, string Sector, string Address,
    string ContactName, string ContactEmail, DemoFigures Earlier, DemoFigures Latest);

/// <summary>
/// One demo nomination: its cycle (<see cref="DemoData.History"/> or <see cref="DemoData.Current"/>),
/// category, organisation (a government by its region code, or an employer by NPP), what the
/// committee filled in, and the workflow steps taken on it, in order.
/// </summary>
public sealed record DemoNomination(
    string Cycle,
    string Category,
    string? GovernmentOf,
    string? Npp,
    string Branch,
    string CreatedBy,
    string Created,
    string? Summary,
    DemoGovernmentFigures? Government,
    DemoEmployerFigures? EmployerFigures,
    DemoCompliance? Compliance,
    IReadOnlyList<DemoRegulation>? Regulations,
    IReadOnlyList<DemoBudget>? Budgets,
    IReadOnlyList<DemoInnovation>? Innovations,
    IReadOnlyList<DemoStep> Steps);

public sealed record DemoGovernmentFigures(long WorkforceBps, int ProtectedPu, int ProtectedBpu, int NonAsnWorkers, int NonAsnCovered);

public sealed record DemoEmployerFigures(DateOnly AsOf, int Workers, int Pu, int Bpu, Programs Programs, int ArrearsMonths);

public sealed record DemoCompliance(
    int JmoUsers, decimal NikValidatedPercent, int VendorCount, int VendorsRegistered, bool WagesReportedCorrectly,
    string? CsrDescription = null, decimal? CsrAmount = null);

public sealed record DemoRegulation(RegulationType Type, string Number, int Year, string Title);

public sealed record DemoBudget(int Year, decimal Amount, string Purpose, int? WorkersCovered);

public sealed record DemoInnovation(string Title, string Description, int Year);

/// <summary>A workflow step: the action, the demo account (e-mail) that took it, when (see <see cref="DemoCalendar"/>), why.</summary>
public sealed record DemoStep(NominationAction Action, string By, string At, string? Reason = null);
