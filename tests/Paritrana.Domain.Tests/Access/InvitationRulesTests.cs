using Paritrana.Domain.Access;

namespace Paritrana.Domain.Tests.Access;

public class InvitationRulesTests
{
    private static readonly DateTimeOffset Sent = new(2026, 12, 4, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expires = Sent + InvitationRules.Lifetime;

    [Fact]
    public void A_link_works_for_72_hours_from_sending()
    {
        Expires.ShouldBe(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        var invitation = new AccountInvitation { SentAt = Sent, ExpiresAt = Expires };
        InvitationRules.Usable(invitation, Expires.AddSeconds(-1)).ShouldBeTrue();
        InvitationRules.Usable(invitation, Expires).ShouldBeFalse();
    }

    [Fact]
    public void A_used_revoked_or_replaced_link_does_not_work_within_its_time()
    {
        var now = Sent.AddHours(1);
        InvitationRules.Usable(new AccountInvitation { ExpiresAt = Expires, AcceptedAt = Sent }, now).ShouldBeFalse();
        InvitationRules.Usable(new AccountInvitation { ExpiresAt = Expires, EndedAt = Sent, EndedReason = InvitationEnd.Revoked }, now).ShouldBeFalse();
        InvitationRules.Usable(new AccountInvitation { ExpiresAt = Expires, EndedAt = Sent, EndedReason = InvitationEnd.Superseded }, now).ShouldBeFalse();
    }

    [Theory]
    [InlineData(false, true, false, null, 71, InvitationState.Open)]
    [InlineData(false, true, false, null, 72, InvitationState.Expired)]
    [InlineData(false, true, false, InvitationEnd.Revoked, 1, InvitationState.Revoked)]
    [InlineData(false, true, true, null, 1, InvitationState.None)]
    [InlineData(true, true, false, null, 1, InvitationState.None)]
    [InlineData(true, false, false, null, 1, InvitationState.None)]
    [InlineData(false, false, false, null, 1, InvitationState.None)]
    public void The_state_of_an_account_follows_its_latest_invitation(bool hasPassword, bool invited, bool accepted, InvitationEnd? ended, int hoursLater, InvitationState expected)
    {
        InvitationRules.StateOf(hasPassword, invited ? Expires : null, accepted ? Sent.AddHours(1) : null, ended, Sent.AddHours(hoursLater))
            .ShouldBe(expected);
    }
}
