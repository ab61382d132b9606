using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Paritrana.Web.Data.Configuration;

namespace Paritrana.Web.Data;

/// <summary>
/// The one DbContext, used directly by the pages (no repository layer, see docs/decisions/001).
/// The schema is made by the EF Core migrations generated from this model in Data/Migrations
/// (<c>dotnet ef migrations add</c>, docs/decisions/016); a test proves that the model snapshot
/// matches this model and that the migrated schema equals the one the model creates.
/// </summary>
public class ParitranaDbContext(DbContextOptions<ParitranaDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The provider options of the portal and of <c>dotnet ef</c> alike, so both see one model.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<RegencyOrCity> RegenciesAndCities => Set<RegencyOrCity>();
    public DbSet<RegionalOffice> RegionalOffices => Set<RegionalOffice>();
    public DbSet<BranchOffice> BranchOffices => Set<BranchOffice>();
    public DbSet<BranchOfficeArea> BranchOfficeAreas => Set<BranchOfficeArea>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AwardCycle> AwardCycles => Set<AwardCycle>();
    public DbSet<CycleStage> CycleStages => Set<CycleStage>();
    public DbSet<ProvinceStage> ProvinceStages => Set<ProvinceStage>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<CoverageFigures> CoverageFigures => Set<CoverageFigures>();
    public DbSet<RegionalFigures> RegionalFigures => Set<RegionalFigures>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<GovernmentRegulation> GovernmentRegulations => Set<GovernmentRegulation>();
    public DbSet<BudgetAllocation> BudgetAllocations => Set<BudgetAllocation>();
    public DbSet<Innovation> Innovations => Set<Innovation>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<Paritrana.Domain.Candidates.SelfAssessment> SelfAssessments => Set<Paritrana.Domain.Candidates.SelfAssessment>();
    public DbSet<Paritrana.Domain.Candidates.SelfAssessmentItem> SelfAssessmentItems => Set<Paritrana.Domain.Candidates.SelfAssessmentItem>();
    public DbSet<Paritrana.Domain.Candidates.SelfAssessmentDocument> SelfAssessmentDocuments => Set<Paritrana.Domain.Candidates.SelfAssessmentDocument>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<VisitMember> VisitMembers => Set<VisitMember>();
    public DbSet<Interview> Interviews => Set<Interview>();
    public DbSet<InterviewJuror> InterviewJurors => Set<InterviewJuror>();
    public DbSet<CoachingItem> CoachingItems => Set<CoachingItem>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<CriteriaSet> CriteriaSets => Set<CriteriaSet>();
    public DbSet<Aspect> Aspects => Set<Aspect>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<ScoringRound> ScoringRounds => Set<ScoringRound>();
    public DbSet<RoundAspect> RoundAspects => Set<RoundAspect>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();
    public DbSet<Scorecard> Scorecards => Set<Scorecard>();
    public DbSet<Score> Scores => Set<Score>();
    public DbSet<ScoreChange> ScoreChanges => Set<ScoreChange>();
    public DbSet<ScoringSettings> ScoringSettings => Set<ScoringSettings>();
    public DbSet<Plenary> Plenaries => Set<Plenary>();
    public DbSet<FinalistDecision> FinalistDecisions => Set<FinalistDecision>();
    public DbSet<PlenaryDecisionVersion> PlenaryDecisionVersions => Set<PlenaryDecisionVersion>();

    // Server-side sessions (docs/decisions/012); mapped in Configuration/UserSessionConfiguration.
    public DbSet<Paritrana.Domain.Access.UserSession> UserSessions => Set<Paritrana.Domain.Access.UserSession>();

    // Invitations of accounts created without a password (docs/decisions/031); Configuration/AccountConfiguration.
    public DbSet<Paritrana.Domain.Access.AccountInvitation> AccountInvitations => Set<Paritrana.Domain.Access.AccountInvitation>();

    // What several instances share (docs/decisions/018); mapped in Configuration/SharedStateConfiguration.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<StoredFileChunk> StoredFileChunks => Set<StoredFileChunk>();
    public DbSet<ImportPreview> ImportPreviews => Set<ImportPreview>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<SignInAttemptWindow> SignInAttempts => Set<SignInAttemptWindow>();

    // The mail outbox (docs/decisions/028); mapped in Configuration/OutboxMailConfiguration.
    public DbSet<Paritrana.Web.Infrastructure.Mail.OutboxMail> OutboxMails => Set<Paritrana.Web.Infrastructure.Mail.OutboxMail>();

    // Notifications and preferences (docs/decisions/030); mapped in Configuration/NotificationConfiguration.
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<UserPreference> UserPreferences => Set<UserPreference>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // One IEntityTypeConfiguration per aggregate, in Data/Configuration.
        builder.ApplyConfigurationsFromAssembly(typeof(ParitranaDbContext).Assembly);

        SnakeCaseNames.Apply(builder);
    }
}
