using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paritrana.Domain.Candidates;

namespace Paritrana.Web.Data.Configuration;

/// <summary>A candidate's self-assessment, its list entries and its documents (docs/decisions/051): apart from the nomination.</summary>
public sealed class SelfAssessmentConfiguration :
    IEntityTypeConfiguration<SelfAssessment>,
    IEntityTypeConfiguration<SelfAssessmentItem>,
    IEntityTypeConfiguration<SelfAssessmentDocument>
{
    public void Configure(EntityTypeBuilder<SelfAssessment> builder)
    {
        builder.ToTable("self_assessments");
        builder.Property(s => s.ProvinceCode).HasMaxLength(2);
        builder.Property(s => s.RegencyCode).HasMaxLength(5);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Summary).HasMaxLength(4000);
        builder.Property(s => s.CsrDescription).HasMaxLength(4000);
        builder.Property(s => s.CsrAmount).HasPrecision(18, 2);
        builder.Property(s => s.NikValidatedPercent).HasPrecision(5, 2);
        builder.Property(s => s.ReturnReason).HasMaxLength(2000);
        builder.Property(s => s.Version).IsRowVersion();
        // One self-assessment per nomination.
        builder.HasIndex(s => s.NominationId).IsUnique();
        builder.HasIndex(s => new { s.ProvinceCode, s.Status });
        builder.HasIndex(s => s.OrganisationId);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(s => s.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SelfAssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Documents).WithOne().HasForeignKey(d => d.SelfAssessmentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SelfAssessmentItem> builder)
    {
        builder.ToTable("self_assessment_items");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Number).HasMaxLength(100);
        builder.Property(i => i.Title).HasMaxLength(500);
        builder.Property(i => i.Description).HasMaxLength(4000);
        builder.Property(i => i.Amount).HasPrecision(18, 2);
        builder.HasIndex(i => i.SelfAssessmentId);
        builder.HasOne<SelfAssessmentDocument>().WithMany().HasForeignKey(i => i.DocumentId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<SelfAssessmentDocument> builder)
    {
        builder.ToTable("self_assessment_documents");
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.FileName).HasMaxLength(120);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.StorageName).HasMaxLength(100);
        builder.HasIndex(d => d.SelfAssessmentId);
    }
}
