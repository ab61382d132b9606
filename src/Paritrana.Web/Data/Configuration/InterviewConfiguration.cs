using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paritrana.Web.Data.Configuration;

public sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>, IEntityTypeConfiguration<InterviewJuror>
{
    public void Configure(EntityTypeBuilder<Interview> builder)
    {
        builder.ToTable("interviews");
        builder.Property(i => i.ProvinceCode).HasMaxLength(2);
        builder.Property(i => i.RegencyCode).HasMaxLength(5);
        builder.Property(i => i.Place).HasMaxLength(300);
        builder.Property(i => i.VideoLink).HasMaxLength(500);
        builder.Property(i => i.PresenterName).HasMaxLength(200);
        builder.Property(i => i.PresenterPosition).HasMaxLength(200);
        builder.Property(i => i.CancelReason).HasMaxLength(1000);
        builder.Property(i => i.Version).IsRowVersion();
        builder.Ignore(i => i.EndsAt);
        builder.HasIndex(i => new { i.CycleId, i.StartsAt });
        builder.HasIndex(i => new { i.ProvinceCode, i.StartsAt });
        // One scheduled interview per finalist: the rule (InterviewClashes) says so to the user, the
        // index holds it against two secretariat staff saving at once.
        builder.HasIndex(i => i.NominationId).IsUnique().HasFilter("status = 1").HasDatabaseName("ux_interviews_one_scheduled_per_nomination");
        builder.HasOne<Nomination>().WithMany().HasForeignKey(i => i.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AwardCycle>().WithMany().HasForeignKey(i => i.CycleId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<InterviewJuror> builder)
    {
        builder.ToTable("interview_jurors");
        builder.HasKey(j => new { j.InterviewId, j.UserId });
        builder.HasIndex(j => j.UserId);
        builder.HasOne<Interview>().WithMany(i => i.Jurors).HasForeignKey(j => j.InterviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
