using Paritrana.Domain.Access;

namespace Paritrana.Domain.Tests.Access;

public class SessionRulesTests
{
    private static readonly DateTimeOffset SignIn = new(2026, 12, 4, 1, 0, 0, TimeSpan.Zero);
    private static readonly SessionLifetimes Lifetimes = SessionLifetimes.Default;

    private static SessionState Open(DateTimeOffset lastSeen, bool disabled = false, bool stampMatches = true) =>
        new(lastSeen, SignIn.AddHours(12), null, null, disabled, stampMatches);

    [Fact]
    public void The_defaults_are_60_minutes_idle_and_12_hours_in_all()
    {
        Lifetimes.Idle.ShouldBe(TimeSpan.FromMinutes(60));
        Lifetimes.Absolute.ShouldBe(TimeSpan.FromHours(12));
    }

    [Fact]
    public void An_open_session_continues_and_last_seen_is_written_only_after_a_minute()
    {
        SessionRules.Check(Open(SignIn), SignIn.AddSeconds(59), Lifetimes).ShouldBe(SessionVerdict.Continue(touch: false));
        SessionRules.Check(Open(SignIn), SignIn.AddSeconds(60), Lifetimes).ShouldBe(SessionVerdict.Continue(touch: true));
    }

    [Fact]
    public void Sixty_minutes_without_a_request_end_the_session_and_a_second_less_does_not()
    {
        var lastSeen = SignIn.AddHours(3);
        SessionRules.Check(Open(lastSeen), lastSeen.AddMinutes(60).AddSeconds(-1), Lifetimes).Valid.ShouldBeTrue();
        SessionRules.Check(Open(lastSeen), lastSeen.AddMinutes(60), Lifetimes).ShouldBe(SessionVerdict.End(SessionEndReason.Idle));
    }

    [Fact]
    public void Twelve_hours_after_sign_in_the_session_ends_however_recent_the_last_request()
    {
        var now = SignIn.AddHours(12);
        SessionRules.Check(Open(now.AddSeconds(-1)), now.AddSeconds(-1), Lifetimes).Valid.ShouldBeTrue();
        SessionRules.Check(Open(now.AddSeconds(-1)), now, Lifetimes).ShouldBe(SessionVerdict.End(SessionEndReason.Expired));
    }

    [Fact]
    public void The_account_comes_before_the_lifetimes()
    {
        var late = SignIn.AddHours(13);
        SessionRules.Check(Open(SignIn, disabled: true), late, Lifetimes).ShouldBe(SessionVerdict.End(SessionEndReason.Disabled));
        SessionRules.Check(Open(SignIn, stampMatches: false), late, Lifetimes).ShouldBe(SessionVerdict.End(SessionEndReason.AccountChanged));
        SessionRules.Check(Open(SignIn, disabled: true, stampMatches: false), SignIn, Lifetimes).Reason.ShouldBe(SessionEndReason.Disabled);
    }

    [Fact]
    public void An_ended_session_stays_ended_with_its_reason_and_is_not_ended_again()
    {
        var ended = Open(SignIn) with { EndedAt = SignIn.AddMinutes(5), EndedReason = SessionEndReason.SignedOut };
        var verdict = SessionRules.Check(ended, SignIn.AddMinutes(6), Lifetimes);
        verdict.ShouldBe(SessionVerdict.AlreadyEnded(SessionEndReason.SignedOut));
        verdict.EndNow.ShouldBeFalse();
        verdict.Valid.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(30, 0)]
    [InlineData(-5, 60)]
    [InlineData(120, 60)]
    public void Lifetimes_that_cannot_work_are_refused(int idleMinutes, int absoluteMinutes) =>
        Should.Throw<ArgumentOutOfRangeException>(() => SessionLifetimes.Create(TimeSpan.FromMinutes(idleMinutes), TimeSpan.FromMinutes(absoluteMinutes)));

    [Fact]
    public void Lifetimes_that_work_are_kept()
    {
        SessionLifetimes.Create(TimeSpan.FromMinutes(15), TimeSpan.FromHours(2)).ShouldBe(new SessionLifetimes(TimeSpan.FromMinutes(15), TimeSpan.FromHours(2)));
        SessionLifetimes.Create(TimeSpan.FromHours(2), TimeSpan.FromHours(2)).Idle.ShouldBe(TimeSpan.FromHours(2));
    }
}
