using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paritrana.Web.Data.Configuration;

/// <summary>Notifications and each person's choices of mail and language (docs/decisions/030-notifications.md).</summary>
public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>, IEntityTypeConfiguration<UserPreference>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.ProvinceCode).HasMaxLength(2);
        builder.Property(n => n.Subject).HasMaxLength(300);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.Property(n => n.WorkKey).HasMaxLength(100);
        builder.Property(n => n.ReminderKey).HasMaxLength(200);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // The bell on every page: a person's open notifications, counted from this index alone.
        builder.HasIndex(n => n.UserId).HasFilter("read_at IS NULL AND settled_at IS NULL").HasDatabaseName("ix_notifications_open");
        // The list page: a person's notifications, newest first.
        builder.HasIndex(n => new { n.UserId, n.Id }).IsDescending(false, true);
        // Settling when the work is done.
        builder.HasIndex(n => n.WorkKey).HasFilter("settled_at IS NULL AND work_key IS NOT NULL");
        // A reminder exists once: the sweep inserts with ON CONFLICT DO NOTHING on this key.
        builder.HasIndex(n => n.ReminderKey).IsUnique();
        builder.Ignore(n => n.IsOpen);
    }

    public void Configure(EntityTypeBuilder<UserPreference> builder)
    {
        builder.ToTable("user_preferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).ValueGeneratedNever();
        builder.Property(p => p.Mail).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Language).HasMaxLength(5);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
