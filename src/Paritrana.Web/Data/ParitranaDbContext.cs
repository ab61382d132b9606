using System.Text;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using Paritrana.Domain.Regions;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Accounts;

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
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<CoverageFigures> CoverageFigures => Set<CoverageFigures>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<GovernmentRegulation> GovernmentRegulations => Set<GovernmentRegulation>();
    public DbSet<BudgetAllocation> BudgetAllocations => Set<BudgetAllocation>();
    public DbSet<Innovation> Innovations => Set<Innovation>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<VisitMember> VisitMembers => Set<VisitMember>();
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

    // Server-side sessions (docs/decisions/012); mapped in UserSessionConfiguration.
    public DbSet<Paritrana.Domain.Access.UserSession> UserSessions => Set<Paritrana.Domain.Access.UserSession>();

    // What several instances share (docs/decisions/018); mapped in SharedStateConfiguration.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<StoredFileChunk> StoredFileChunks => Set<StoredFileChunk>();
    public DbSet<ImportPreview> ImportPreviews => Set<ImportPreview>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<SignInAttemptWindow> SignInAttempts => Set<SignInAttemptWindow>();

    // The mail outbox (docs/decisions/028); mapped in Configuration/OutboxMailConfiguration.
    public DbSet<Paritrana.Web.Infrastructure.Mail.OutboxMail> OutboxMails => Set<Paritrana.Web.Infrastructure.Mail.OutboxMail>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<PortalUser>(e =>
        {
            e.ToTable("users");
            e.Property(u => u.FullName).HasMaxLength(200);
            e.Property(u => u.ProvinceCode).HasMaxLength(2);
            e.HasOne<Province>().WithMany().HasForeignKey(u => u.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<BranchOffice>().WithMany().HasForeignKey(u => u.BranchOfficeId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.ApplyConfiguration(new UserSessionConfiguration());
        builder.ApplyConfiguration(new Configuration.OutboxMailConfiguration());

        builder.Entity<Province>(e =>
        {
            e.ToTable("provinces");
            e.HasKey(p => p.Code);
            e.Property(p => p.Code).HasMaxLength(2);
            e.Property(p => p.Name).HasMaxLength(100);
        });

        builder.Entity<RegencyOrCity>(e =>
        {
            e.ToTable("regencies_and_cities");
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).HasMaxLength(5);
            e.Property(r => r.ProvinceCode).HasMaxLength(2);
            e.Property(r => r.Name).HasMaxLength(100);
            e.HasOne(r => r.Province).WithMany(p => p.RegenciesAndCities).HasForeignKey(r => r.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.ProvinceCode);
        });

        builder.Entity<RegionalOffice>(e =>
        {
            e.ToTable("regional_offices");
            e.Property(o => o.Name).HasMaxLength(150);
            e.HasIndex(o => o.Name).IsUnique();
            e.Property(o => o.Version).IsRowVersion();
        });

        builder.Entity<BranchOffice>(e =>
        {
            e.ToTable("branch_offices");
            e.Property(o => o.Name).HasMaxLength(150);
            e.Property(o => o.ProvinceCode).HasMaxLength(2);
            e.HasIndex(o => o.Name).IsUnique();
            e.HasIndex(o => o.ProvinceCode);
            e.Property(o => o.Version).IsRowVersion();
            e.HasOne(o => o.RegionalOffice).WithMany(r => r.BranchOffices).HasForeignKey(o => o.RegionalOfficeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(o => o.Province).WithMany().HasForeignKey(o => o.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<BranchOfficeArea>(e =>
        {
            e.ToTable("branch_office_areas");
            e.HasKey(a => new { a.BranchOfficeId, a.RegencyCode });
            e.Property(a => a.RegencyCode).HasMaxLength(5);
            // Each regency or city is served by one branch office.
            e.HasIndex(a => a.RegencyCode).IsUnique();
            e.HasOne<BranchOffice>().WithMany(o => o.Areas).HasForeignKey(a => a.BranchOfficeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(a => a.RegencyOrCity).WithMany().HasForeignKey(a => a.RegencyCode).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEvent>(e =>
        {
            e.ToTable("audit_events");
            e.Property(a => a.Action).HasMaxLength(80);
            e.Property(a => a.UserEmail).HasMaxLength(256);
            e.Property(a => a.EntityType).HasMaxLength(80);
            e.Property(a => a.EntityId).HasMaxLength(80);
            e.Property(a => a.ProvinceCode).HasMaxLength(2);
            e.Property(a => a.IpAddress).HasMaxLength(64);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.ProvinceCode, a.At });
            e.HasIndex(a => new { a.EntityType, a.EntityId });
        });

        ConfigureCycles(builder);
        ConfigureOrganisations(builder);
        ConfigureNominations(builder);
        ConfigureFieldWork(builder);
        ConfigureScoring(builder);
        builder.ApplyConfiguration(new PlenaryDecisionVersionConfiguration());
        SharedStateConfiguration.Configure(builder);

        ApplySnakeCaseNames(builder);
    }

    private static void ConfigureCycles(ModelBuilder builder)
    {
        builder.Entity<AwardCycle>(e =>
        {
            e.ToTable("award_cycles");
            e.HasIndex(c => c.Year).IsUnique();
            // At most one current cycle.
            e.HasIndex(c => c.IsCurrent).IsUnique().HasFilter("is_current");
            e.Property(c => c.Notes).HasMaxLength(2000);
            e.Property(c => c.Version).IsRowVersion();
            e.Ignore(c => c.AssessmentStart);
            e.Ignore(c => c.AssessmentEnd);
        });

        builder.Entity<CycleStage>(e =>
        {
            e.ToTable("cycle_stages");
            e.HasKey(s => new { s.CycleId, s.Stage });
            e.HasOne<AwardCycle>().WithMany(c => c.Stages).HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Category>(e =>
        {
            e.ToTable("categories");
            e.Property(c => c.Code).HasMaxLength(20);
            e.Property(c => c.Name).HasMaxLength(150);
            e.HasIndex(c => new { c.CycleId, c.Code }).IsUnique();
            e.HasIndex(c => new { c.CycleId, c.Name }).IsUnique();
            e.Property(c => c.Version).IsRowVersion();
            e.HasOne(c => c.Cycle).WithMany(c => c.Categories).HasForeignKey(c => c.CycleId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureOrganisations(ModelBuilder builder)
    {
        builder.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.Property(o => o.Name).HasMaxLength(250);
            e.Property(o => o.ProvinceCode).HasMaxLength(2);
            e.Property(o => o.RegencyCode).HasMaxLength(5);
            e.Property(o => o.Npp).HasMaxLength(20);
            e.Property(o => o.Sector).HasMaxLength(100);
            e.Property(o => o.Address).HasMaxLength(500);
            e.Property(o => o.ContactName).HasMaxLength(150);
            e.Property(o => o.ContactPhone).HasMaxLength(50);
            e.Property(o => o.ContactEmail).HasMaxLength(256);
            e.Property(o => o.Version).IsRowVersion();
            e.HasIndex(o => o.Npp).IsUnique();
            // One government body per province and per regency or city (villages are many).
            e.HasIndex(o => new { o.ProvinceCode, o.RegencyCode, o.GovernmentLevel }).IsUnique().AreNullsDistinct(false).HasFilter("government_level IN (1, 2)")
                .HasDatabaseName("ix_organisations_one_government_per_region");
            e.HasIndex(o => new { o.ProvinceCode, o.RegencyCode, o.Type });
            e.HasIndex(o => o.BranchOfficeId);
            e.HasOne<Province>().WithMany().HasForeignKey(o => o.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<RegencyOrCity>().WithMany().HasForeignKey(o => o.RegencyCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<BranchOffice>().WithMany().HasForeignKey(o => o.BranchOfficeId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CoverageFigures>(e =>
        {
            e.ToTable("coverage_figures");
            e.HasIndex(f => new { f.OrganisationId, f.AsOf }).IsUnique();
            e.HasIndex(f => f.ImportBatchId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ImportBatch>().WithMany().HasForeignKey(f => f.ImportBatchId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<ImportBatch>(e =>
        {
            e.ToTable("import_batches");
            e.Property(b => b.FileName).HasMaxLength(255);
            e.Property(b => b.FileSha256).HasMaxLength(64);
            e.Property(b => b.UserEmail).HasMaxLength(256);
            e.Property(b => b.Error).HasMaxLength(2000);
            e.HasIndex(b => b.CreatedAt);
            e.HasOne<BranchOffice>().WithMany().HasForeignKey(b => b.BranchOfficeId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureScoring(ModelBuilder builder)
    {
        builder.Entity<CriteriaSet>(e =>
        {
            e.ToTable("criteria_sets");
            e.Property(c => c.Version).IsRowVersion();
            e.HasIndex(c => new { c.CategoryId, c.VersionNumber }).IsUnique();
            // One current version per category.
            e.HasIndex(c => c.CategoryId).IsUnique().HasFilter("is_current").HasDatabaseName("ix_criteria_sets_one_current_per_category");
            e.HasOne<AwardCycle>().WithMany().HasForeignKey(c => c.CycleId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Aspect>(e =>
        {
            e.ToTable("aspects");
            e.Property(a => a.Code).HasMaxLength(20);
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.Weight).HasPrecision(5, 2);
            e.HasIndex(a => new { a.CriteriaSetId, a.Code }).IsUnique();
            e.HasOne<CriteriaSet>().WithMany(c => c.Aspects).HasForeignKey(a => a.CriteriaSetId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Indicator>(e =>
        {
            e.ToTable("indicators");
            e.Property(i => i.Code).HasMaxLength(20);
            e.Property(i => i.Name).HasMaxLength(500);
            e.Property(i => i.Weight).HasPrecision(5, 2);
            e.Property(i => i.EvidenceGuidance).HasMaxLength(2000);
            foreach (var rubric in new[] { nameof(Indicator.Rubric1), nameof(Indicator.Rubric2), nameof(Indicator.Rubric3), nameof(Indicator.Rubric4), nameof(Indicator.Rubric5) })
            {
                e.Property(rubric).HasMaxLength(1000);
            }

            e.HasIndex(i => new { i.AspectId, i.Code }).IsUnique();
            e.HasOne<Aspect>().WithMany(a => a.Indicators).HasForeignKey(i => i.AspectId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ScoringRound>(e =>
        {
            e.ToTable("scoring_rounds");
            e.Property(r => r.ProvinceCode).HasMaxLength(2);
            e.Property(r => r.Name).HasMaxLength(150);
            e.Property(r => r.Weight).HasPrecision(5, 2);
            e.Property(r => r.Version).IsRowVersion();
            e.HasIndex(r => new { r.CycleId, r.ProvinceCode, r.Name }).IsUnique();
            e.HasOne<AwardCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Province>().WithMany().HasForeignKey(r => r.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<RoundAspect>(e =>
        {
            e.ToTable("round_aspects");
            e.HasKey(a => new { a.RoundId, a.AspectCode });
            e.Property(a => a.AspectCode).HasMaxLength(20);
            e.HasOne<ScoringRound>().WithMany(r => r.Aspects).HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Assignment>(e =>
        {
            e.ToTable("assignments");
            e.HasIndex(a => new { a.RoundId, a.NominationId, a.ScorerId }).IsUnique();
            e.HasIndex(a => new { a.ScorerId, a.RoundId });
            e.HasIndex(a => a.NominationId);
            e.HasOne<ScoringRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Nomination>().WithMany().HasForeignKey(a => a.NominationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.ScorerId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ConflictDeclaration>(e =>
        {
            e.ToTable("conflict_declarations");
            e.Property(c => c.Reason).HasMaxLength(2000);
            e.HasIndex(c => new { c.NominationId, c.ScorerId }).IsUnique();
            e.HasIndex(c => c.ScorerId);
            e.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.ScorerId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Scorecard>(e =>
        {
            e.ToTable("scorecards");
            e.Property(c => c.ProvinceCode).HasMaxLength(2);
            e.Property(c => c.RegencyCode).HasMaxLength(5);
            e.Property(c => c.Total).HasPrecision(9, 4);
            e.Property(c => c.Strengths).HasMaxLength(4000);
            e.Property(c => c.ReopenReason).HasMaxLength(2000);
            e.Property(c => c.Version).IsRowVersion();
            e.HasIndex(c => new { c.RoundId, c.NominationId, c.ScorerId }).IsUnique();
            e.HasIndex(c => new { c.ScorerId, c.Status });
            e.HasIndex(c => new { c.NominationId, c.Status });
            // The ranking reads every submitted card's total of a round from this index alone (an
            // index-only scan, no heap access): migration 20261121000008_ScoringPages, docs/benchmarks.md.
            e.HasIndex(c => new { c.RoundId, c.Status }).IncludeProperties(c => new { c.ProvinceCode, c.NominationId, c.ScorerId, c.Total })
                .HasDatabaseName("ix_scorecards_round_totals");
            e.HasOne<ScoringRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.ScorerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CriteriaSet>().WithMany().HasForeignKey(c => c.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Score>(e =>
        {
            e.ToTable("scores");
            e.HasKey(s => new { s.ScorecardId, s.IndicatorId });
            e.Property(s => s.Value).HasPrecision(5, 2);
            e.Property(s => s.Comment).HasMaxLength(2000);
            e.HasIndex(s => s.IndicatorId);
            e.HasOne<Scorecard>().WithMany(c => c.Scores).HasForeignKey(s => s.ScorecardId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Indicator>().WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ScoreChange>(e =>
        {
            e.ToTable("score_changes");
            e.Property(c => c.OldValue).HasPrecision(5, 2);
            e.Property(c => c.NewValue).HasPrecision(5, 2);
            e.Property(c => c.OldComment).HasMaxLength(2000);
            e.Property(c => c.NewComment).HasMaxLength(2000);
            e.Property(c => c.Event).HasMaxLength(30);
            e.HasIndex(c => new { c.ScorecardId, c.At });
            e.HasOne<Scorecard>().WithMany().HasForeignKey(c => c.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ScoringSettings>(e =>
        {
            e.ToTable("scoring_settings");
            e.HasKey(s => s.CycleId);
            e.Property(s => s.DisagreementThreshold).HasPrecision(5, 2);
            e.Property(s => s.Version).IsRowVersion();
            e.HasOne<AwardCycle>().WithOne().HasForeignKey<ScoringSettings>(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Plenary>(e =>
        {
            e.ToTable("plenaries");
            e.Property(p => p.ProvinceCode).HasMaxLength(2);
            e.Property(p => p.Place).HasMaxLength(300);
            e.Property(p => p.Attendees).HasMaxLength(4000);
            e.Property(p => p.Minutes).HasMaxLength(20000);
            e.Property(p => p.Decision).HasMaxLength(8000);
            e.Property(p => p.Version).IsRowVersion();
            e.HasIndex(p => new { p.CycleId, p.ProvinceCode }).IsUnique();
            e.HasOne<AwardCycle>().WithMany().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Province>().WithMany().HasForeignKey(p => p.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<FinalistDecision>(e =>
        {
            e.ToTable("finalist_decisions");
            e.Property(d => d.Total).HasPrecision(9, 4);
            e.Property(d => d.Rationale).HasMaxLength(4000);
            e.Property(d => d.NationalAwardName).HasMaxLength(300);
            e.HasIndex(d => new { d.PlenaryId, d.NominationId }).IsUnique();
            e.HasIndex(d => d.NominationId);
            e.HasOne<Plenary>().WithMany().HasForeignKey(d => d.PlenaryId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Nomination>().WithMany().HasForeignKey(d => d.NominationId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureFieldWork(ModelBuilder builder)
    {
        builder.Entity<Visit>(e =>
        {
            e.ToTable("visits");
            e.Property(v => v.ProvinceCode).HasMaxLength(2);
            e.Property(v => v.RegencyCode).HasMaxLength(5);
            e.Property(v => v.Place).HasMaxLength(300);
            e.Property(v => v.Purpose).HasMaxLength(1000);
            e.Property(v => v.ExternalParticipants).HasMaxLength(1000);
            e.Property(v => v.Findings).HasMaxLength(8000);
            e.Property(v => v.DocumentsChecked).HasMaxLength(4000);
            e.Property(v => v.InterviewNotes).HasMaxLength(8000);
            e.Property(v => v.CancelReason).HasMaxLength(1000);
            e.Property(v => v.RescheduleReason).HasMaxLength(1000);
            e.Property(v => v.Version).IsRowVersion();
            e.HasIndex(v => new { v.ProvinceCode, v.PlannedAt });
            e.HasIndex(v => v.NominationId);
            e.HasOne<Nomination>().WithMany().HasForeignKey(v => v.NominationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<VisitMember>(e =>
        {
            e.ToTable("visit_members");
            e.HasKey(m => new { m.VisitId, m.UserId });
            e.HasIndex(m => m.UserId);
            e.HasOne<Visit>().WithMany(v => v.Members).HasForeignKey(m => m.VisitId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CoachingItem>(e =>
        {
            e.ToTable("coaching_items");
            e.Property(c => c.ProvinceCode).HasMaxLength(2);
            e.Property(c => c.RegencyCode).HasMaxLength(5);
            e.Property(c => c.Finding).HasMaxLength(4000);
            e.Property(c => c.Recommendation).HasMaxLength(4000);
            e.Property(c => c.ResponsiblePerson).HasMaxLength(200);
            e.Property(c => c.ResolutionNote).HasMaxLength(4000);
            e.Property(c => c.WaiverReason).HasMaxLength(2000);
            e.Property(c => c.Version).IsRowVersion();
            e.HasIndex(c => new { c.NominationId, c.Status });
            e.HasIndex(c => new { c.ProvinceCode, c.Status, c.DueDate });
            e.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Visit>().WithMany().HasForeignKey(c => c.VisitId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<EvidenceFile>(e =>
        {
            e.ToTable("evidence_files");
            e.Property(f => f.ProvinceCode).HasMaxLength(2);
            e.Property(f => f.RegencyCode).HasMaxLength(5);
            e.Property(f => f.FileName).HasMaxLength(120);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.StorageName).HasMaxLength(100);
            e.Property(f => f.RemovalReason).HasMaxLength(1000);
            e.HasIndex(f => f.NominationId);
            e.HasIndex(f => f.VisitId);
            e.HasIndex(f => f.CoachingItemId);
            e.HasIndex(f => f.RegulationId);
            e.HasOne<Nomination>().WithMany().HasForeignKey(f => f.NominationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Visit>().WithMany().HasForeignKey(f => f.VisitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CoachingItem>().WithMany().HasForeignKey(f => f.CoachingItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<GovernmentRegulation>().WithMany().HasForeignKey(f => f.RegulationId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureNominations(ModelBuilder builder)
    {
        builder.Entity<Nomination>(e =>
        {
            e.ToTable("nominations");
            e.Property(n => n.ProvinceCode).HasMaxLength(2);
            e.Property(n => n.RegencyCode).HasMaxLength(5);
            e.Property(n => n.Summary).HasMaxLength(4000);
            e.Property(n => n.CsrDescription).HasMaxLength(4000);
            e.Property(n => n.CsrAmount).HasPrecision(18, 2);
            e.Property(n => n.NikValidatedPercent).HasPrecision(5, 2);
            e.Property(n => n.LastReturnReason).HasMaxLength(2000);
            e.Property(n => n.Version).IsRowVersion();
            e.Ignore(n => n.CoveragePercentage);
            // One nomination per organisation per cycle.
            e.HasIndex(n => new { n.CycleId, n.OrganisationId }).IsUnique();
            e.HasIndex(n => new { n.CycleId, n.ProvinceCode, n.Status });
            e.HasIndex(n => new { n.CycleId, n.BranchOfficeId, n.Status });
            e.HasIndex(n => n.CategoryId);
            e.HasIndex(n => n.OrganisationId);
            e.HasOne(n => n.Organisation).WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(n => n.Category).WithMany().HasForeignKey(n => n.CategoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AwardCycle>().WithMany().HasForeignKey(n => n.CycleId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Province>().WithMany().HasForeignKey(n => n.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<RegencyOrCity>().WithMany().HasForeignKey(n => n.RegencyCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<BranchOffice>().WithMany().HasForeignKey(n => n.BranchOfficeId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<GovernmentRegulation>(e =>
        {
            e.ToTable("government_regulations");
            e.Property(r => r.Number).HasMaxLength(100);
            e.Property(r => r.Title).HasMaxLength(500);
            e.HasOne<Nomination>().WithMany(n => n.Regulations).HasForeignKey(r => r.NominationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<BudgetAllocation>(e =>
        {
            e.ToTable("budget_allocations");
            e.Property(b => b.Amount).HasPrecision(18, 2);
            e.Property(b => b.Purpose).HasMaxLength(500);
            e.HasOne<Nomination>().WithMany(n => n.Budgets).HasForeignKey(b => b.NominationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Innovation>(e =>
        {
            e.ToTable("innovations");
            e.Property(i => i.Title).HasMaxLength(300);
            e.Property(i => i.Description).HasMaxLength(4000);
            e.HasOne<Nomination>().WithMany(n => n.Innovations).HasForeignKey(i => i.NominationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<StatusChange>(e =>
        {
            e.ToTable("status_changes");
            e.Property(c => c.UserName).HasMaxLength(256);
            e.Property(c => c.Reason).HasMaxLength(2000);
            e.HasIndex(c => new { c.NominationId, c.At });
            e.HasOne<Nomination>().WithMany(n => n.StatusChanges).HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    /// <summary>
    /// PostgreSQL folds unquoted names to lower case, so snake_case names let raw SQL (COPY,
    /// reports, psql sessions) be written without quotes.
    /// </summary>
    private static void ApplySnakeCaseNames(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is not null)
            {
                entity.SetTableName(ToSnakeCase(table));
            }

            var tableId = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                if (property.IsConcurrencyToken && property.ClrType == typeof(uint))
                {
                    // Optimistic concurrency on PostgreSQL's system column xmin: no column of our own.
                    property.SetColumnName("xmin");
                    property.SetColumnType("xid");
                    continue;
                }

                var column = property.GetColumnName(tableId);
                if (column is not null)
                {
                    property.SetColumnName(ToSnakeCase(column));
                }
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetName()!));
            }

            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName(ToSnakeCase(fk.GetConstraintName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDatabaseName()!));
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
