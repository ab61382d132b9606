using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;

namespace Paritrana.Web.Data.Configuration;

/// <summary>A coaching item (a finding to follow up, docs/decisions/014).</summary>
public sealed class CoachingItemConfiguration : IEntityTypeConfiguration<CoachingItem>
{
    public void Configure(EntityTypeBuilder<CoachingItem> builder)
    {
        builder.ToTable("coaching_items");
        builder.Property(c => c.ProvinceCode).HasMaxLength(2);
        builder.Property(c => c.RegencyCode).HasMaxLength(5);
        builder.Property(c => c.Finding).HasMaxLength(4000);
        builder.Property(c => c.Recommendation).HasMaxLength(4000);
        builder.Property(c => c.ResponsiblePerson).HasMaxLength(200);
        builder.Property(c => c.ResolutionNote).HasMaxLength(4000);
        builder.Property(c => c.WaiverReason).HasMaxLength(2000);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => new { c.NominationId, c.Status });
        builder.HasIndex(c => new { c.ProvinceCode, c.Status, c.DueDate });
        builder.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Visit>().WithMany().HasForeignKey(c => c.VisitId).OnDelete(DeleteBehavior.SetNull);
    }
}
