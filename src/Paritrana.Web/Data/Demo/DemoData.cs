using System.Text.Json;
using System.Text.Json.Serialization;

namespace Paritrana.Web.Data.Demo;

/// <summary>
/// The demo's content, read from the JSON files of Data/Demo (embedded in the assembly, as the
/// region CSVs are): the two cycles, the organisations, the nominations with the workflow steps
/// they went through, the scorecards, the field work and the plenaries. The format is described in
/// Data/Demo/README.md; the seeder applies the files through the portal's own services
/// (<see cref="DemoAwardSeeder"/>, docs/decisions/023 and 034).
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

    private static readonly Lazy<DemoScoringFile> ScoringFile = new(() => Read<DemoScoringFile>("scoring.json"));
    private static readonly Lazy<IReadOnlyList<DemoFieldWork>> FieldWorkFile = new(() => Read<List<DemoFieldWork>>("fieldwork.json"));
    private static readonly Lazy<IReadOnlyList<DemoPlenary>> PlenariesFile = new(() => Read<List<DemoPlenary>>("plenaries.json"));

    public static DemoCycles Cycles => CyclesFile.Value;

    /// <summary>The cards of the history and of the current cycle, with the rounds they are in.</summary>
    public static DemoScoringFile Scoring => ScoringFile.Value;

    public static IReadOnlyList<DemoFieldWork> FieldWork => FieldWorkFile.Value;

    public static IReadOnlyList<DemoPlenary> Plenaries => PlenariesFile.Value;

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
    IReadOnlyList<DemoStep> Steps) : IDemoOrganisationRef;

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

/// <summary>A nomination named by its organisation within a cycle: a government by its region code (<c>"51"</c>, <c>"51.71"</c>) or an employer by NPP.</summary>
public interface IDemoOrganisationRef
{
    string? GovernmentOf { get; }

    string? Npp { get; }
}

public sealed record DemoOrganisationRef(string? GovernmentOf, string? Npp) : IDemoOrganisationRef;

/// <summary>
/// The scoring of the demo: Bali's history and current cycle, the history of other provinces
/// (Jawa Tengah's 2021) and the national jury's rounds of the history (docs/decisions/043; its
/// <see cref="DemoScoring.Chair"/> is the administrator, the national secretariat).
/// </summary>
public sealed record DemoScoringFile(DemoScoring History, DemoScoring Current, IReadOnlyList<DemoScoring>? HistoryOthers = null, DemoScoring? National = null);

/// <summary>
/// The scoring of one cycle in the demo province: the chair who opens and closes its rounds and
/// assigns the scorers, when the administrator set the criteria, the default rounds opened (and
/// closed) and the cards, each saved or submitted by its scorer.
/// </summary>
public sealed record DemoScoring(string Chair, string CriteriaSet, IReadOnlyList<DemoRound> Rounds, IReadOnlyList<DemoCard> Cards, string Province = "51");

/// <summary>A default round (by kind) opened and, for the history, closed; the default rounds not listed stay drafts.</summary>
public sealed record DemoRound(RoundKind Kind, string Opened, string? Closed = null);

/// <summary>
/// One card as its scorer saved (a draft) or submitted it at <see cref="At"/>: scores by indicator
/// code, with <see cref="FromFigures"/> the indicators read off the nomination's own figures as well
/// (coverage, programmes, JMO and NIK), comments by indicator code, and the strengths.
/// </summary>
public sealed record DemoCard(
    string? GovernmentOf,
    string? Npp,
    RoundKind Round,
    string By,
    string At,
    bool Submitted,
    IReadOnlyDictionary<string, decimal> Scores,
    bool FromFigures = false,
    IReadOnlyDictionary<string, string>? Comments = null,
    string? Strengths = null) : IDemoOrganisationRef;

/// <summary>The field work of one nomination: its visits, each with what was recorded and the coaching items from it.</summary>
public sealed record DemoFieldWork(string Cycle, string? GovernmentOf, string? Npp, IReadOnlyList<DemoVisit> Visits) : IDemoOrganisationRef;

/// <summary>
/// A visit planned by <see cref="PlannedBy"/> on <see cref="PlannedOn"/> for <see cref="At"/>, both in
/// the province's local time as the committee types them (<c>"now"</c>: when the demo is seeded;
/// <c>"now+14 09:00"</c>: two weeks after that day), with the members who go (e-mails).
/// </summary>
public sealed record DemoVisit(
    string PlannedBy,
    string PlannedOn,
    string At,
    string Place,
    string Purpose,
    string? ExternalParticipants,
    IReadOnlyList<string> Members,
    DemoVisitDone? Done = null,
    IReadOnlyList<DemoCoachingItem>? Coaching = null);

public sealed record DemoVisitDone(string By, string On, string At, string Findings, string? DocumentsChecked, string? InterviewNotes);

/// <summary>A coaching item recorded from its visit, due on a day, and the steps taken on it (with their note or reason).</summary>
public sealed record DemoCoachingItem(
    string By, string On, string Finding, string Recommendation, string? ResponsiblePerson, string Due, IReadOnlyList<DemoCoachingStep>? Steps = null,
    bool SharedWithCandidate = false, DemoCandidateAnswer? Answer = null);

/// <summary>
/// The candidate's answer to an item addressed to it (docs/decisions/050), by its representative, with
/// an evidence file (a small PDF made at seeding, named <paramref name="File"/>); the item's steps follow it.
/// </summary>
public sealed record DemoCandidateAnswer(string By, string On, string Note, string? File = null);

public sealed record DemoCoachingStep(CoachingAction Action, string By, string On, string? Text = null);

/// <summary>
/// A plenary as its chair (<see cref="By"/>) records and decides it at <see cref="Decided"/>: the
/// record, the finalists chosen (every other scored nomination is not shortlisted), the rationale
/// per category code where the choice departs from the ranking, and when the finalists were forwarded.
/// </summary>
public sealed record DemoPlenary(
    string Cycle,
    string Province,
    string By,
    DateOnly HeldOn,
    string Decided,
    string Place,
    string Attendees,
    string? Minutes,
    string? Decision,
    IReadOnlyList<DemoOrganisationRef> Finalists,
    IReadOnlyDictionary<string, string> Rationales,
    string? Forwarded = null,
    IReadOnlyDictionary<string, string>? Awards = null);
