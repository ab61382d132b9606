using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using Paritrana.Web.Accounts;

namespace Paritrana.Web.Data.Configuration;

/// <summary>A visit with its members.</summary>
public sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>, IEntityTypeConfiguration<VisitMember>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.ToTable("visits");
        builder.Property(v => v.ProvinceCode).HasMaxLength(2);
        builder.Property(v => v.RegencyCode).HasMaxLength(5);
        builder.Property(v => v.Place).HasMaxLength(300);
        builder.Property(v => v.Purpose).HasMaxLength(1000);
        builder.Property(v => v.ExternalParticipants).HasMaxLength(1000);
        builder.Property(v => v.Findings).HasMaxLength(8000);
        builder.Property(v => v.DocumentsChecked).HasMaxLength(4000);
        builder.Property(v => v.InterviewNotes).HasMaxLength(8000);
        builder.Property(v => v.CancelReason).HasMaxLength(1000);
        builder.Property(v => v.RescheduleReason).HasMaxLength(1000);
        builder.Property(v => v.Version).IsRowVersion();
        builder.HasIndex(v => new { v.ProvinceCode, v.PlannedAt });
        builder.HasIndex(v => v.NominationId);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(v => v.NominationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<VisitMember> builder)
    {
        builder.ToTable("visit_members");
        builder.HasKey(m => new { m.VisitId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Visit>().WithMany(v => v.Members).HasForeignKey(m => m.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
