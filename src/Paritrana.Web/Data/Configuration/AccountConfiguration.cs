using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Paritrana.Web.Data.Configuration;

/// <summary>
/// The accounts: Identity's user (with the portal's full name, province and branch office) and
/// Identity's other tables under snake_case names.
/// </summary>
public sealed class AccountConfiguration :
    IEntityTypeConfiguration<PortalUser>,
    IEntityTypeConfiguration<IdentityRole<Guid>>,
    IEntityTypeConfiguration<IdentityUserRole<Guid>>,
    IEntityTypeConfiguration<IdentityUserClaim<Guid>>,
    IEntityTypeConfiguration<IdentityUserLogin<Guid>>,
    IEntityTypeConfiguration<IdentityUserToken<Guid>>,
    IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.ProvinceCode).HasMaxLength(2);
        builder.HasOne<Province>().WithMany().HasForeignKey(u => u.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BranchOffice>().WithMany().HasForeignKey(u => u.BranchOfficeId).OnDelete(DeleteBehavior.Restrict);
        // A national juror's home province: the conflict rule only (docs/decisions/043).
        builder.Property(u => u.HomeProvinceCode).HasMaxLength(2);
        builder.HasOne<Province>().WithMany().HasForeignKey(u => u.HomeProvinceCode).OnDelete(DeleteBehavior.Restrict);
        // A candidate's representative's organisation (docs/decisions/049): an organisation with
        // representatives is not deleted from under them.
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) => builder.ToTable("roles");

    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> builder) => builder.ToTable("user_roles");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("user_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("user_logins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("user_tokens");

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> builder) => builder.ToTable("role_claims");
}

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

/// <summary>
/// account_invitations: the mailed invitations of accounts created without a password
/// (Accounts/Invitations). Found by the hash of the link's token; the users list reads each
/// account's latest one.
/// </summary>
public sealed class AccountInvitationConfiguration : IEntityTypeConfiguration<AccountInvitation>
{
    public void Configure(EntityTypeBuilder<AccountInvitation> builder)
    {
        builder.ToTable("account_invitations");
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.UserId, i.SentAt });
        builder.Property(i => i.EndedReason).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
