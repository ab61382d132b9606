using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paritrana.Web.Infrastructure.Mail;

namespace Paritrana.Web.Data.Configuration;

/// <summary>The mail outbox (docs/decisions/028-mail-outbox.md).</summary>
public sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("outbox_mails");
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.Recipient).HasMaxLength(320);
        builder.Property(m => m.Language).HasMaxLength(5);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.WorkKey).HasMaxLength(100);
        // The drain's claim: unsent mails that are due, oldest first.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("sent_at IS NULL");
        // Cancelling a reminder's mail when its work is done (docs/decisions/039).
        builder.HasIndex(m => m.WorkKey).HasFilter("sent_at IS NULL AND cancelled_at IS NULL AND work_key IS NOT NULL");
    }
}
