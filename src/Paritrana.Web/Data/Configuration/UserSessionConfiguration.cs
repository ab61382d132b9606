using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paritrana.Domain.Access;
using Paritrana.Web.Accounts;

namespace Paritrana.Web.Data.Configuration;

/// <summary>
/// user_sessions: the sessions the server knows (docs/decisions/012-server-side-sessions.md). Read
/// by primary key on every request; the partial index serves "end every open session of this user".
/// </summary>
public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.EndedReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.ClientAddress).HasMaxLength(64);
        builder.Property(s => s.UserAgent).HasMaxLength(300);
        builder.HasIndex(s => s.UserId).HasFilter("ended_at IS NULL");
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
