using static Paritrana.Web.Tests.Security.Who;

namespace Paritrana.Web.Tests.Security;

/// <summary>How a probe reads what a handler answers: the HTML or CSV as sent, a PDF through pdftotext, or a form posted (a redirect followed).</summary>
public enum ProbeKind
{
    Html,
    Csv,
    Pdf,
    Post,
}

/// <summary>What of the hidden card must appear once the viewer may see it.</summary>
[Flags]
public enum Shows
{
    /// <summary>The round score and total combining both cards.</summary>
    Mean = 1,

    /// <summary>The other scorer's indicator value (and card total).</summary>
    Value = 2,

    /// <summary>The other scorer's comment.</summary>
    Comment = 4,

    /// <summary>The other scorer's strengths.</summary>
    Strengths = 8,
}

/// <summary>
/// How <see cref="ScoreVisibilityTests"/> opens a handler that can show a score: for whom (the
/// committee: the member and the chair, each with an unfinished card; or the chair only), the URL
/// (placeholders: <c>{year}</c>, <c>{category}</c>, <c>{round}</c>, <c>{nomination}</c> the viewer's
/// unfinished nomination, <c>{otherCard}</c> the other scorer's card of it), how it is read, and what
/// must appear once the viewer has submitted.
/// </summary>
public sealed record ScoreProbe(Who Viewers, string Url, ProbeKind Kind, Shows Appears, string? Field = null, string? Typed = null);

/// <summary>
/// Every page and handler of the portal, classified by whether it can show a score, a round score,
/// a total, a rank, a spread, a comment or strengths (docs/decisions/010). A page or handler the app
/// has that is in neither list fails <see cref="ScoreVisibilityTests"/>: whoever adds one decides here
/// whether the rule applies to it, and if it does, how it is probed.
/// </summary>
public static class ScorePages
{
    public static readonly IReadOnlyDictionary<string, ScoreProbe> ShowScores = new Dictionary<string, ScoreProbe>(StringComparer.Ordinal)
    {
        ["/Scoring/Ranking GET"] = new(Committee, "/Scoring/Ranking?cycle={year}&kategori={category}", ProbeKind.Html, Shows.Mean),
        // The card page's "other scorers" panel; an invalid save or submit shows the whole page again.
        ["/Scoring/Card GET"] = new(Committee, "/Scoring/Card?round={round}&nomination={nomination}", ProbeKind.Html, Shows.Value),
        ["/Scoring/Card POST Save"] = new(Committee, "/Scoring/Card?round={round}&nomination={nomination}&handler=Save", ProbeKind.Post, Shows.Value, "Input.Scores[0].Value", "150"),
        ["/Scoring/Card POST SaveNext"] = new(Committee, "/Scoring/Card?round={round}&nomination={nomination}&handler=SaveNext", ProbeKind.Post, Shows.Value, "Input.Scores[0].Value", "150"),
        ["/Scoring/Card POST Submit"] = new(Committee, "/Scoring/Card?round={round}&nomination={nomination}&handler=Submit", ProbeKind.Post, Shows.Value, "Input.Scores[0].Value", "150"),
        // The chair's view of another scorer's card; a reopen without a reason shows it again.
        ["/Scoring/CardHistory GET"] = new(Chair, "/Scoring/CardHistory/{otherCard}", ProbeKind.Html, Shows.Value | Shows.Comment),
        ["/Scoring/CardHistory POST Reopen"] = new(Chair, "/Scoring/CardHistory/{otherCard}?handler=Reopen", ProbeKind.Post, Shows.Value | Shows.Comment, "Input.Reason", ""),
        ["/Shortlist/Index GET"] = new(Committee, "/Shortlist?cycle={year}", ProbeKind.Html, Shows.Mean),
        // The plenary page, and the page again after a refused save, decision or forwarding.
        ["/Plenary/Index GET"] = new(Chair, "/Plenary?cycle={year}", ProbeKind.Html, Shows.Mean),
        ["/Plenary/Index POST Save"] = new(Chair, "/Plenary?cycle={year}&handler=Save", ProbeKind.Post, Shows.Mean, "Input.Place", ""),
        ["/Plenary/Index POST Decide"] = new(Chair, "/Plenary?cycle={year}&handler=Decide", ProbeKind.Post, Shows.Mean, "Input.Place", ""),
        ["/Plenary/Index POST Forward"] = new(Chair, "/Plenary?cycle={year}&handler=Forward", ProbeKind.Post, Shows.Mean),
        // Without a reason the plenary page is shown again, with its figures.
        ["/Plenary/Index POST Reopen"] = new(Chair, "/Plenary?cycle={year}&handler=Reopen", ProbeKind.Post, Shows.Mean, "ReopenReason", ""),
        ["/Reports/Index GET RankingsCsv"] = new(Committee, "/Reports?cycle={year}&handler=RankingsCsv", ProbeKind.Csv, Shows.Mean),
        ["/Reports/Index GET ScoresCsv"] = new(Committee, "/Reports?cycle={year}&handler=ScoresCsv", ProbeKind.Csv, Shows.Value | Shows.Comment),
        ["/Reports/Finalists GET"] = new(Committee, "/Reports/Finalists?cycle={year}", ProbeKind.Html, Shows.Mean | Shows.Strengths),
        ["/Reports/Finalists GET Pdf"] = new(Committee, "/Reports/Finalists?cycle={year}&handler=Pdf", ProbeKind.Pdf, Shows.Mean | Shows.Strengths),
        ["/Reports/Shortlist GET"] = new(Committee, "/Reports/Shortlist?cycle={year}", ProbeKind.Html, Shows.Mean),
        ["/Reports/Shortlist GET Pdf"] = new(Committee, "/Reports/Shortlist?cycle={year}&handler=Pdf", ProbeKind.Pdf, Shows.Mean),
        ["/Reports/Sheet GET"] = new(Committee, "/Reports/Sheet?id={nomination}", ProbeKind.Html, Shows.Value | Shows.Comment | Shows.Strengths),
        ["/Reports/Sheet GET Pdf"] = new(Committee, "/Reports/Sheet?id={nomination}&handler=Pdf", ProbeKind.Pdf, Shows.Value | Shows.Comment | Shows.Strengths),
    };

    /// <summary>
    /// Scores shown to the administrator only, who holds no card and declares no conflict, so the rule
    /// hides nothing from them: the audit trail (the details of every card saved) and the national
    /// plenary (the national ranking and the totals it decided). The committee is refused (probed as the member).
    /// </summary>
    public static readonly IReadOnlyList<string> AdministratorOnly = [
        "/Admin/Audit/Index GET", "/Admin/Audit/Index GET Csv",
        // The national plenary (docs/decisions/047): the national ranking, decided by the secretariat.
        "/National/Plenary GET", "/National/Plenary POST Save", "/National/Plenary POST Decide", "/National/Plenary POST Reopen",
    ];

    /// <summary>
    /// Scores of the national stage (docs/decisions/043): the national pool's round scores and ranking,
    /// and a finalist's provincial rank and total as its plenary decided them. Shown to the administrator
    /// and the national jurors only; a juror's view goes through the same ScoreBoard and visibility rule
    /// (a juror still scoring, or conflicted, sees no figure: NationalRoundsTests). The committee is
    /// refused (probed as the member).
    /// </summary>
    public static readonly IReadOnlyList<string> NationalStage = ["/National/Index GET", "/National/Dossier GET", "/National/Report GET", "/National/Report GET Pdf"];

    /// <summary>What is wrong with the classification against the app's handlers: classified twice, not classified, or not in the app (empty when right).</summary>
    public static List<string> Differences(IEnumerable<string> appHandlers, IReadOnlyCollection<string>? classified = null)
    {
        var app = appHandlers.ToList();
        var all = classified ?? ShowScores.Keys.Concat(AdministratorOnly).Concat(NationalStage).Concat(NoScores).ToList();
        return all.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"classified twice: {g.Key}")
            .Concat(app.Except(all, StringComparer.Ordinal).Select(h => $"not classified (can it show a score?): {h}"))
            .Concat(all.Except(app, StringComparer.Ordinal).Select(h => $"classified but not in the app: {h}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Handlers that never show a score (counts of cards, statuses and names are not scores).</summary>
    public static readonly IReadOnlyList<string> NoScores =
    [
        // The candidate area (docs/decisions/049–051): a candidate is never shown a score, a rank or a comment.
        "/Candidate/Index GET", "/Candidate/Nomination GET", "/Candidate/Coaching GET", "/Candidate/Coaching POST", "/Candidate/File GET",
        "/Candidate/SelfAssessment/Index GET", "/Candidate/SelfAssessment/Index POST", "/Candidate/SelfAssessment/Index POST AddBudget",
        "/Candidate/SelfAssessment/Index POST AddInnovation", "/Candidate/SelfAssessment/Index POST AddRegulation",
        "/Candidate/SelfAssessment/Index POST RemoveItem", "/Candidate/SelfAssessment/Index POST Submit", "/Candidate/SelfAssessment/Index POST Upload",
        "/Candidate/SelfAssessment/Document GET",
        // The committee's side of it: representatives, the self-assessment beside the figures, addressed coaching items.
        "/Nominations/Representatives GET", "/Nominations/Representatives POST Invite", "/Nominations/Representatives POST Resend",
        "/Nominations/Representatives POST Revoke", "/Nominations/Representatives POST Disable", "/Nominations/Representatives POST Enable",
        "/Nominations/SelfAssessment GET", "/Nominations/SelfAssessment POST Accept", "/Nominations/SelfAssessment POST AcceptAll",
        "/Nominations/SelfAssessment POST Return", "/Nominations/SelfAssessmentDocument GET",
        "/FieldWork/Coaching/Item POST Share", "/FieldWork/Coaching/Item POST Unshare", "/FieldWork/Coaching/Item POST ReturnAnswer",
        "/Index GET", "/About GET", "/Account/Login GET", "/Account/Login POST", "/Account/Logout GET", "/Account/Logout POST",
        "/Account/ChangePassword GET", "/Account/ChangePassword POST", "/Account/AccessDenied GET",
        "/Account/ForgotPassword GET", "/Account/ForgotPassword POST", "/Account/ResetPassword GET", "/Account/ResetPassword POST", "/Language GET", "/Language POST",
        "/Error GET", "/Error POST",
        "/Account/Invitation GET", "/Account/Invitation POST", "/Account/LoginWith2fa GET", "/Account/LoginWith2fa POST",
        "/Account/LoginWithRecoveryCode GET", "/Account/LoginWithRecoveryCode POST", "/Account/ChangeEmail GET", "/Account/ChangeEmail POST",
        "/Account/ConfirmEmail GET", "/Account/ConfirmEmail POST", "/Account/TwoFactor GET", "/Account/TwoFactor POST RecoveryCodes",
        "/Account/TwoFactor POST Disable", "/Account/TwoFactor POST Reset", "/Account/TwoFactorSetup GET", "/Account/TwoFactorSetup POST", "/Account/TwoFactorSetup POST Start",
        "/Admin/Users/Edit POST ResendInvitation", "/Admin/Users/Edit POST RevokeInvitation", "/Admin/Users/Edit POST ResetTwoFactor",
        // Notifications name the thing (an organisation, a round), never a score (docs/decisions/030).
        "/Account/Preferences GET", "/Account/Preferences POST", "/Notifications/Index GET", "/Notifications/Index POST Open", "/Notifications/Index POST ReadAll",
        "/Admin/Users/Index GET", "/Admin/Users/Create GET", "/Admin/Users/Create POST", "/Admin/Users/Edit GET", "/Admin/Users/Edit POST",
        "/Admin/Users/Edit POST Disable", "/Admin/Users/Edit POST Enable", "/Admin/Users/Edit POST Unlock", "/Admin/Users/Edit POST ResetPassword",
        "/Admin/Offices/Index GET", "/Admin/Offices/BranchOffice GET", "/Admin/Offices/BranchOffice POST", "/Admin/Offices/RegionalOffice GET",
        "/Admin/Offices/RegionalOffice POST", "/Admin/Cycles/Index GET", "/Admin/Cycles/Create GET", "/Admin/Cycles/Create POST", "/Admin/Cycles/Edit GET",
        "/Admin/Cycles/Edit POST", "/Admin/Cycles/Edit POST MakeCurrent", "/Admin/Cycles/Edit POST Close", "/Admin/Cycles/Edit POST Reopen",
        "/Admin/Cycles/Categories GET", "/Admin/Cycles/Categories POST", "/Admin/Cycles/Categories POST Copy", "/Admin/Cycles/EditCategory GET",
        "/Admin/Cycles/EditCategory POST", "/Admin/Criteria/Index GET", "/Admin/Criteria/Index POST Create", "/Admin/Criteria/Index POST Copy",
        "/Admin/Criteria/Edit GET", "/Admin/Criteria/Edit POST", "/Admin/Criteria/Settings GET", "/Admin/Criteria/Settings POST",
        "/Regions/Index GET", "/Regions/Province GET", "/Regions/RegencyOrCity GET",
        "/Participation/Province GET", "/Participation/Province GET Csv", "/Participation/Province GET EmployersCsv", "/Participation/National GET", "/Participation/National GET Csv", "/Participation/National GET EmployersCsv",
        // The country overview counts nominations by status; no score.
        "/National/Country GET", "/National/Country GET Csv",
        // The interview schedule: times, places, presenters and jurors; no score (docs/decisions/046).
        "/National/Interviews/Index GET", "/National/Interviews/Schedule GET", "/National/Interviews/Schedule POST",
        "/National/Interviews/Edit GET", "/National/Interviews/Edit POST", "/National/Interviews/Edit POST Cancel",
        "/Schedule/Index GET", "/Schedule/Index POST",
        "/Employers/Index GET", "/Employers/Index GET Export", "/Employers/Details GET",
        "/Imports/Index GET", "/Imports/Index POST", "/Imports/Preview GET", "/Imports/Preview POST ImportAll", "/Imports/Preview POST ValidOnly",
        "/Imports/Preview POST Cancel", "/Imports/Progress GET", "/Imports/Progress GET Status",
        "/Imports/Regional/Index GET", "/Imports/Regional/Index POST", "/Imports/Regional/Preview GET", "/Imports/Regional/Preview POST ImportAll",
        "/Imports/Regional/Preview POST Cancel",
        "/Nominations/Index GET", "/Nominations/Create GET", "/Nominations/Create POST", "/Nominations/Details GET", "/Nominations/Details POST Transition",
        "/Nominations/Edit GET", "/Nominations/Edit POST", "/Nominations/Edit POST AddRegulation", "/Nominations/Edit POST RemoveRegulation",
        "/Nominations/Edit POST AddBudget", "/Nominations/Edit POST RemoveBudget", "/Nominations/Edit POST AddInnovation", "/Nominations/Edit POST RemoveInnovation",
        "/Verification/Index GET", "/Verification/Index POST Verify", "/Verification/Index POST Return",
        // The timeline says that a card was submitted or reopened (and why), never its values.
        "/FieldWork/Index GET", "/FieldWork/Nomination GET", "/FieldWork/Nomination POST SendBack", "/FieldWork/Timeline GET",
        "/FieldWork/Visits/Plan GET", "/FieldWork/Visits/Plan POST", "/FieldWork/Visits/Details GET", "/FieldWork/Visits/Record GET", "/FieldWork/Visits/Record POST",
        "/FieldWork/Visits/Reschedule GET", "/FieldWork/Visits/Reschedule POST", "/FieldWork/Visits/Cancel GET", "/FieldWork/Visits/Cancel POST",
        "/FieldWork/Coaching/Index GET", "/FieldWork/Coaching/Create GET", "/FieldWork/Coaching/Create POST", "/FieldWork/Coaching/Item GET",
        "/FieldWork/Coaching/Item POST Start", "/FieldWork/Coaching/Item POST Resolve", "/FieldWork/Coaching/Item POST Waive", "/FieldWork/Coaching/Item POST Reopen",
        "/FieldWork/Files/Upload GET", "/FieldWork/Files/Upload POST", "/FieldWork/Files/Download GET", "/National/DossierFile GET", "/FieldWork/Files/Remove GET", "/FieldWork/Files/Remove POST",
        // My outstanding cards, conflicts, progress (cards submitted / assigned), rounds and assignments (card states): no values.
        "/Scoring/Index GET", "/Scoring/Conflicts/Index GET", "/Scoring/Conflicts/Declare GET", "/Scoring/Conflicts/Declare POST", "/Scoring/Progress GET",
        "/Scoring/Rounds/Index GET", "/Scoring/Rounds/Index POST Defaults", "/Scoring/Rounds/Details GET", "/Scoring/Rounds/Details POST Open",
        "/Scoring/Rounds/Details POST Close", "/Scoring/Rounds/Details POST Deadline", "/Scoring/Rounds/Edit GET", "/Scoring/Rounds/Edit POST", "/Scoring/Rounds/Assignments GET",
        "/Scoring/Rounds/Assignments POST One", "/Scoring/Rounds/Assignments POST Category", "/Scoring/Rounds/Assignments POST Balance",
        "/Scoring/Rounds/Assignments POST Remove",
        // The national rounds' page (counts of assignments and cards) and a juror's list of cards (states only).
        "/National/Rounds GET", "/National/Rounds POST Defaults", "/National/Rounds POST Open", "/National/Rounds POST Close", "/National/Rounds POST Assign",
        "/National/Cards GET",
        // A document's number, version, code, date and validity: no figure.
        "/Reports/Verify GET",
        // Links to the assessment sheets, in the viewer's shortlist order (ScoreBoard), without a figure.
        "/Reports/Index GET",
    ];
}
