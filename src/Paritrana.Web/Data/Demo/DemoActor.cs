using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Features.Nominations;
using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Data.Demo;

/// <summary>
/// Lets the demo seeder act in the portal's own services as one demo account at one moment: the
/// account's principal is made by the sign-in's claims factory (<see cref="PortalClaimsFactory"/>)
/// and stands in a request of its own, and the clock of the services is set to the moment. So a
/// status change is taken by <see cref="NominationTransitions"/> with the account's role and scope,
/// a card is saved by <see cref="ScorecardService"/>, a visit or coaching item by
/// <see cref="FieldWorkService"/>, a plenary decided by <see cref="PlenaryDecisions"/>, and an audit
/// event is recorded by <see cref="AuditTrail"/>, exactly as on the portal's pages; a step the
/// portal would refuse stops the seeding. The services write inside the seeder's transaction
/// (<see cref="OwnTransaction"/>).
/// </summary>
public sealed class DemoActor(
    ParitranaDbContext db,
    UserManager<PortalUser> users,
    IUserClaimsPrincipalFactory<PortalUser> principals,
    IMemoryCache cache,
    IDbContextFactory<ParitranaDbContext> contexts,
    IStringLocalizer<SharedResource> l)
{
    private readonly Dictionary<string, ClaimsPrincipal> _principals = new(StringComparer.Ordinal);

    /// <summary>The services of a request by <paramref name="email"/> at <paramref name="at"/>.</summary>
    public async Task<DemoAct> AsAsync(string email, DateTimeOffset at)
    {
        if (!_principals.TryGetValue(email, out var principal))
        {
            var user = await users.FindByEmailAsync(email)
                ?? throw new InvalidOperationException($"Demo award data needs the demo account {email}; it is missing.");
            principal = await principals.CreateAsync(user);
            _principals[email] = principal;
        }

        var request = new OwnRequest(new DefaultHttpContext { User = principal });
        var clock = new FixedClock(at);
        var me = new CurrentUser(request, db, cache);
        var audit = new AuditTrail(db, contexts, request, clock);
        // Notifications as on the portal's pages, without mail (docs/decisions/030).
        var notifier = new Features.Notifications.Notifier(db, null, clock);
        var transitions = new NominationTransitions(db, me, audit, clock, l, notifier);
        return new DemoAct(
            me,
            audit,
            transitions,
            new ScorecardService(db, audit, clock, cache, l, notifier),
            new FieldWorkService(db, me, audit, clock, l, notifier),
            new PlenaryDecisions(db, me, audit, clock, l, new DecisionSnapshots(db), transitions, notifier),
            new AssignmentService(db, audit, clock, l, notifier),
            new Features.National.InterviewSchedule(db, audit, notifier, me, clock, l),
            l,
            new Features.Candidates.CandidateCoaching(db, me, audit, clock, notifier));
    }

    /// <summary>The self-assessment service of a request by <paramref name="email"/> at <paramref name="at"/> (docs/decisions/051).</summary>
    public async Task<Features.Candidates.SelfAssessmentService> SelfAssessmentsAsync(string email, DateTimeOffset at)
    {
        var act = await AsAsync(email, at);
        return new Features.Candidates.SelfAssessmentService(db, act.User, act.Audit, new FixedClock(at), l, new Features.Notifications.Notifier(db, null, new FixedClock(at)));
    }

    /// <summary>
    /// Takes one workflow step on a nomination as <paramref name="email"/> at <paramref name="at"/>,
    /// through <see cref="NominationTransitions"/>; throws when the portal refuses it.
    /// </summary>
    public async Task StepAsync(int nominationId, DemoStep step, DateTimeOffset at, bool atPlenary = false, CancellationToken ct = default)
    {
        var version = await db.Nominations.AsNoTracking().Where(n => n.Id == nominationId).Select(n => n.Version).SingleAsync(ct);
        var act = await AsAsync(step.By, at);
        var outcome = await act.Transitions.ApplyAsync(new TransitionRequest(nominationId, step.Action, step.Reason, version, atPlenary), ct);
        if (outcome.Result != TransitionResult.Done)
        {
            throw new InvalidOperationException(
                $"Demo nomination {nominationId}: {step.Action} by {step.By} at {at:u} is refused ({outcome.Result}): {outcome.Message}");
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The demo request, held by this accessor alone: the framework's <see cref="HttpContextAccessor"/>
    /// keeps it in an async-local value shared by all, which would not outlive the method that set it.
    /// </summary>
    private sealed class OwnRequest(HttpContext context) : IHttpContextAccessor
    {
        public HttpContext? HttpContext { get; set; } = context;
    }

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}

/// <summary>The signed-in user, the audit trail and the portal's services of one demo request.</summary>
public sealed record DemoAct(
    CurrentUser User,
    AuditTrail Audit,
    NominationTransitions Transitions,
    ScorecardService Cards,
    FieldWorkService FieldWork,
    PlenaryDecisions Plenary,
    AssignmentService Assignments,
    Features.National.InterviewSchedule Interviews,
    IStringLocalizer<SharedResource> Texts,
    Features.Candidates.CandidateCoaching CandidateCoaching);
