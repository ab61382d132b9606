using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Regions;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Accounts;

namespace Paritrana.Web.Data.Configuration;

/// <summary>
/// A province's scoring round with its aspects, the scorers assigned to its nominations, and the
/// scorers' declared conflicts of interest; the cycle's scoring settings.
/// </summary>
public sealed class ScoringRoundConfiguration :
    IEntityTypeConfiguration<ScoringRound>,
    IEntityTypeConfiguration<RoundAspect>,
    IEntityTypeConfiguration<Assignment>,
    IEntityTypeConfiguration<ConflictDeclaration>,
    IEntityTypeConfiguration<ScoringSettings>
{
    public void Configure(EntityTypeBuilder<ScoringRound> builder)
    {
        builder.ToTable("scoring_rounds");
        builder.Property(r => r.ProvinceCode).HasMaxLength(2);
        builder.Property(r => r.Name).HasMaxLength(150);
        builder.Property(r => r.Weight).HasPrecision(5, 2);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => new { r.CycleId, r.ProvinceCode, r.Name }).IsUnique();
        builder.HasOne<AwardCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Province>().WithMany().HasForeignKey(r => r.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<RoundAspect> builder)
    {
        builder.ToTable("round_aspects");
        builder.HasKey(a => new { a.RoundId, a.AspectCode });
        builder.Property(a => a.AspectCode).HasMaxLength(20);
        builder.HasOne<ScoringRound>().WithMany(r => r.Aspects).HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.ToTable("assignments");
        builder.HasIndex(a => new { a.RoundId, a.NominationId, a.ScorerId }).IsUnique();
        builder.HasIndex(a => new { a.ScorerId, a.RoundId });
        builder.HasIndex(a => a.NominationId);
        builder.HasOne<ScoringRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(a => a.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.ScorerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder)
    {
        builder.ToTable("conflict_declarations");
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.HasIndex(c => new { c.NominationId, c.ScorerId }).IsUnique();
        builder.HasIndex(c => c.ScorerId);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.ScorerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ScoringSettings> builder)
    {
        builder.ToTable("scoring_settings");
        builder.HasKey(s => s.CycleId);
        builder.Property(s => s.DisagreementThreshold).HasPrecision(5, 2);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne<AwardCycle>().WithOne().HasForeignKey<ScoringSettings>(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
