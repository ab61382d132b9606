using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paritrana.Web.Data.Configuration;

/// <summary>A nomination with its regulations, budgets, innovations and status history.</summary>
public sealed class NominationConfiguration :
    IEntityTypeConfiguration<Nomination>,
    IEntityTypeConfiguration<GovernmentRegulation>,
    IEntityTypeConfiguration<BudgetAllocation>,
    IEntityTypeConfiguration<Innovation>,
    IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<Nomination> builder)
    {
        builder.ToTable("nominations");
        builder.Property(n => n.ProvinceCode).HasMaxLength(2);
        builder.Property(n => n.RegencyCode).HasMaxLength(5);
        builder.Property(n => n.Summary).HasMaxLength(4000);
        builder.Property(n => n.CsrDescription).HasMaxLength(4000);
        builder.Property(n => n.CsrAmount).HasPrecision(18, 2);
        builder.Property(n => n.NikValidatedPercent).HasPrecision(5, 2);
        builder.Property(n => n.LastReturnReason).HasMaxLength(2000);
        builder.Property(n => n.Version).IsRowVersion();
        builder.Ignore(n => n.CoveragePercentage);
        // One nomination per organisation per cycle.
        builder.HasIndex(n => new { n.CycleId, n.OrganisationId }).IsUnique();
        builder.HasIndex(n => new { n.CycleId, n.ProvinceCode, n.Status });
        builder.HasIndex(n => new { n.CycleId, n.BranchOfficeId, n.Status });
        builder.HasIndex(n => n.CategoryId);
        builder.HasIndex(n => n.OrganisationId);
        builder.HasOne(n => n.Organisation).WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Category).WithMany().HasForeignKey(n => n.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AwardCycle>().WithMany().HasForeignKey(n => n.CycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Province>().WithMany().HasForeignKey(n => n.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        // The regency or city must lie in the nomination's province (ADR 033).
        builder.HasOne<RegencyOrCity>().WithMany().HasForeignKey(n => new { n.ProvinceCode, n.RegencyCode })
            .HasPrincipalKey(r => new { r.ProvinceCode, r.Code }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BranchOffice>().WithMany().HasForeignKey(n => n.BranchOfficeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<GovernmentRegulation> builder)
    {
        builder.ToTable("government_regulations");
        builder.Property(r => r.Number).HasMaxLength(100);
        builder.Property(r => r.Title).HasMaxLength(500);
        builder.HasOne<Nomination>().WithMany(n => n.Regulations).HasForeignKey(r => r.NominationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<BudgetAllocation> builder)
    {
        builder.ToTable("budget_allocations");
        builder.Property(b => b.Amount).HasPrecision(18, 2);
        builder.Property(b => b.Purpose).HasMaxLength(500);
        builder.HasOne<Nomination>().WithMany(n => n.Budgets).HasForeignKey(b => b.NominationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Innovation> builder)
    {
        builder.ToTable("innovations");
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Description).HasMaxLength(4000);
        builder.HasOne<Nomination>().WithMany(n => n.Innovations).HasForeignKey(i => i.NominationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<StatusChange> builder)
    {
        builder.ToTable("status_changes");
        builder.Property(c => c.UserName).HasMaxLength(256);
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.HasIndex(c => new { c.NominationId, c.At });
        builder.HasOne<Nomination>().WithMany(n => n.StatusChanges).HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Cascade);
    }
}
