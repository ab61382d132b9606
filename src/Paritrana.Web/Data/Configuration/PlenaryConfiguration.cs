using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Regions;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Data.Configuration;

/// <summary>A province's plenary of a cycle and its finalist decisions (the frozen versions: PlenaryDecisionVersionConfiguration).</summary>
public sealed class PlenaryConfiguration : IEntityTypeConfiguration<Plenary>, IEntityTypeConfiguration<FinalistDecision>
{
    public void Configure(EntityTypeBuilder<Plenary> builder)
    {
        builder.ToTable("plenaries");
        builder.Property(p => p.ProvinceCode).HasMaxLength(2);
        builder.Property(p => p.Place).HasMaxLength(300);
        builder.Property(p => p.Attendees).HasMaxLength(4000);
        builder.Property(p => p.Minutes).HasMaxLength(20000);
        builder.Property(p => p.Decision).HasMaxLength(8000);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => new { p.CycleId, p.ProvinceCode }).IsUnique();
        builder.HasOne<AwardCycle>().WithMany().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Province>().WithMany().HasForeignKey(p => p.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<FinalistDecision> builder)
    {
        builder.ToTable("finalist_decisions");
        builder.Property(d => d.Total).HasPrecision(9, 4);
        builder.Property(d => d.Rationale).HasMaxLength(4000);
        builder.Property(d => d.NationalAwardName).HasMaxLength(300);
        builder.HasIndex(d => new { d.PlenaryId, d.NominationId }).IsUnique();
        builder.HasIndex(d => d.NominationId);
        builder.HasOne<Plenary>().WithMany().HasForeignKey(d => d.PlenaryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(d => d.NominationId).OnDelete(DeleteBehavior.Restrict);
    }
}
