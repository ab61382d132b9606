using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
        builder.Property(c => c.CandidateAnswer).HasMaxLength(4000);
        // Existing items are not the candidate's until the committee addresses them (docs/decisions/050).
        builder.Property(c => c.SharedWithCandidate).HasDefaultValue(false);
        builder.Property(c => c.AnswerReturnReason).HasMaxLength(2000);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => new { c.NominationId, c.Status });
        builder.HasIndex(c => new { c.ProvinceCode, c.Status, c.DueDate });
        builder.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Visit>().WithMany().HasForeignKey(c => c.VisitId).OnDelete(DeleteBehavior.SetNull);
    }
}

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
