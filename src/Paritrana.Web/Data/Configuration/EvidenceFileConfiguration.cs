using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;

namespace Paritrana.Web.Data.Configuration;

/// <summary>An evidence file of a nomination, a visit, a coaching item or a regulation (its bytes: StoredFile).</summary>
public sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("evidence_files");
        builder.Property(f => f.ProvinceCode).HasMaxLength(2);
        builder.Property(f => f.RegencyCode).HasMaxLength(5);
        builder.Property(f => f.FileName).HasMaxLength(120);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.StorageName).HasMaxLength(100);
        builder.Property(f => f.RemovalReason).HasMaxLength(1000);
        builder.HasIndex(f => f.NominationId);
        builder.HasIndex(f => f.VisitId);
        builder.HasIndex(f => f.CoachingItemId);
        builder.HasIndex(f => f.RegulationId);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(f => f.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Visit>().WithMany().HasForeignKey(f => f.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CoachingItem>().WithMany().HasForeignKey(f => f.CoachingItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GovernmentRegulation>().WithMany().HasForeignKey(f => f.RegulationId).OnDelete(DeleteBehavior.Restrict);
    }
}
