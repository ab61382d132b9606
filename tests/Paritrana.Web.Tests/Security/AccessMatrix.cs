using System.Collections;
using System.Text.RegularExpressions;
using static Paritrana.Web.Tests.Security.Who;

namespace Paritrana.Web.Tests.Security;

/// <summary>The roles of the access-control matrix (a demo account each, see <see cref="AccessMatrix.Accounts"/>).</summary>
[Flags]
public enum Who
{
    Nobody = 0,
    Anonymous = 1,
    Administrator = 2,
    Chair = 4,
    Member = 8,
    Officer = 16,

    /// <summary>A national juror (docs/decisions/043): the national area and their own pages only.</summary>
    Juror = 32,

    /// <summary>A candidate's representative (docs/decisions/049): the candidate area and their own pages only.</summary>
    Candidate = 64,

    /// <summary>The provincial committee: Policies.Committee.</summary>
    Committee = Chair | Member,

    /// <summary>Every role but the national juror: Policies.Staff, the default of every page outside the national area.</summary>
    Staff = Administrator | Chair | Member | Officer,

    /// <summary>The national stage: Policies.National.</summary>
    National = Administrator | Juror,

    /// <summary>The award's own people, every role but a candidate's representative: Policies.Portal.</summary>
    Portal = Staff | Juror,

    /// <summary>Any signed-in user: the fallback policy (the start page, one's own account and notifications).</summary>
    SignedIn = Portal | Candidate,

    Everyone = Anonymous | SignedIn,
}

/// <summary>
/// One page of the matrix: the URL a test opens (placeholders in braces are records of the demo data
/// or of <see cref="MatrixRecords"/>, in the scope of the role) and who may use each handler:
/// "GET", "GET Export" (?handler=Export), "POST", "POST Submit" (?handler=Submit).
/// </summary>
public sealed partial class PageRules(string url) : IEnumerable<KeyValuePair<string, Who>>
{
    public string Url { get; } = url;

    /// <summary>The page (its view-engine path): the URL up to its first route value or query.</summary>
    public string Page { get; } = PagePart().Match(url).Value;

    public Dictionary<string, Who> Handlers { get; } = new(StringComparer.Ordinal);

    public void Add(string handler, Who who) => Handlers.Add(handler, who);

    public IEnumerator<KeyValuePair<string, Who>> GetEnumerator() => Handlers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    [GeneratedRegex(@"^[^?{]*[^/?{]")]
    private static partial Regex PagePart();
}

/// <summary>
/// Who may open which page and use which handler: the one declaration of the portal's access rules
/// by role. "Allowed" means authorization lets the role through (the page may still answer 404 for
/// a record outside the user's province or branch, which <see cref="RecordScopeTests"/> probes);
/// "denied" means 302 to /Account/AccessDenied (which answers 403), or to the login page for an
/// anonymous visitor. <see cref="AccessMatrixTests"/> fails when a page or handler of the app is
/// missing here or an entry here no longer exists.
/// </summary>
public static class AccessMatrix
{
    public static readonly IReadOnlyDictionary<Who, string?> Accounts = new Dictionary<Who, string?>
    {
        [Anonymous] = null,
        [Administrator] = "admin@paritrana.demo",
        [Chair] = "ketua.bali@paritrana.demo",
        [Member] = "anggota.bali@paritrana.demo",
        [Officer] = "cabang.denpasar@paritrana.demo",
        [Juror] = "juri1@paritrana.demo",
        [Candidate] = "kandidat.denpasar@paritrana.demo",
    };

    /// <summary>Allowed GETs that answer something else than 200 (to the roles given): status and redirect target.</summary>
    public static readonly IReadOnlyDictionary<string, (int Status, string? Location, Who For)> DocumentedAnswers =
        new Dictionary<string, (int, string?, Who)>
        {
            // A signed-in user has nothing to do on the login page: on to the start page.
            ["/Account/Login GET"] = (302, "/", SignedIn),
            // The page a refusal redirects to says so with its status (and writes the refusal to the audit trail).
            ["/Account/AccessDenied GET"] = (403, null, SignedIn),
            // The card page lets jurors through, but the matrix's card is of a Bali round: not theirs (RecordScopeTests).
            ["/Scoring/Card GET"] = (404, null, Juror),
            ["/Scoring/Conflicts/Declare GET"] = (404, null, Juror),
            // A candidate's representative starts in their own area (docs/decisions/049).
            ["/Index GET"] = (302, "/Candidate", Candidate),
            // The demo's self-assessment document is Kota Denpasar's draft: its candidate downloads it, the committee does not see a draft's (docs/decisions/051).
            ["/Nominations/SelfAssessmentDocument GET"] = (404, null, Committee),
            // Opened directly, with no failed request behind it, the error page says "not found".
            ["/Error GET"] = (404, null, Everyone),
        };

    /// <summary>
    /// The only page that accepts a POST without an antiforgery token ([IgnoreAntiforgeryToken]): the
    /// exception handler and the status-code pages re-execute it with the failed request's method, and
    /// it changes nothing.
    /// </summary>
    public static readonly IReadOnlySet<string> AntiforgeryExempt = new HashSet<string>(StringComparer.Ordinal) { "/Error" };

    public static readonly IReadOnlyList<PageRules> Pages =
    [
        // --- Start, account, language, error ------------------------------------------------
        new("/Index") { { "GET", SignedIn } },
        new("/About") { { "GET", SignedIn } },
        // --- The candidate area (issue 18, docs/decisions/049): a candidate's representative only ---
        new("/Candidate/Index") { { "GET", Candidate } },
        // Their own organisation's records only (docs/decisions/050): the probes are CandidateScopeTests.
        new("/Candidate/Nomination/{candidateNomination}") { { "GET", Candidate } },
        new("/Candidate/Coaching/{candidateItem}") { { "GET", Candidate }, { "POST", Candidate } },
        new("/Candidate/File/{candidateFile}") { { "GET", Candidate } },
        // Their self-assessment (docs/decisions/051): another organisation's nomination is 404 (SelfAssessmentTests).
        new("/Candidate/SelfAssessment/Index/{candidateNomination}")
        {
            { "GET", Candidate }, { "POST", Candidate }, { "POST AddRegulation", Candidate }, { "POST AddBudget", Candidate },
            { "POST AddInnovation", Candidate }, { "POST RemoveItem", Candidate }, { "POST Upload", Candidate }, { "POST Submit", Candidate },
        },
        new("/Candidate/SelfAssessment/Document/{candidateDocument}") { { "GET", Candidate } },
        new("/Account/Login") { { "GET", Everyone }, { "POST", Everyone } },
        // "Lupa kata sandi?" (docs/decisions/028): whoever cannot sign in asks for a link, and the
        // mailed link is opened without a session; the token, not a sign-in, is the proof.
        new("/Account/ForgotPassword") { { "GET", Everyone }, { "POST", Everyone } },
        new("/Account/ResetPassword") { { "GET", Everyone }, { "POST", Everyone } },
        // Accounts by invitation and two-factor sign-in (docs/decisions/031): the invitation's link is
        // opened before its owner has a password, the code pages between the password and the session.
        new("/Account/Invitation") { { "GET", Everyone }, { "POST", Everyone } },
        new("/Account/LoginWith2fa") { { "GET", Everyone }, { "POST", Everyone } },
        new("/Account/LoginWithRecoveryCode") { { "GET", Everyone }, { "POST", Everyone } },
        new("/Account/Logout") { { "GET", SignedIn }, { "POST", SignedIn } },
        new("/Account/ChangePassword") { { "GET", SignedIn }, { "POST", SignedIn } },
        new("/Account/ChangeEmail") { { "GET", SignedIn }, { "POST", SignedIn } },
        // The confirmation link is followed by the account that asked for it, signed in.
        new("/Account/ConfirmEmail") { { "GET", SignedIn }, { "POST", SignedIn } },
        new("/Account/TwoFactor") { { "GET", SignedIn }, { "POST RecoveryCodes", SignedIn }, { "POST Disable", SignedIn }, { "POST Reset", SignedIn } },
        new("/Account/TwoFactorSetup") { { "GET", SignedIn }, { "POST", SignedIn }, { "POST Start", SignedIn } },
        new("/Account/AccessDenied") { { "GET", SignedIn } },
        // Each person's own choices of mail and language, and their own notifications (docs/decisions/030):
        // a notification is opened (marked read) only by its recipient, anyone else gets 404 (NotificationTests).
        new("/Account/Preferences") { { "GET", SignedIn }, { "POST", SignedIn } },
        new("/Notifications/Index") { { "GET", SignedIn }, { "POST Open", SignedIn }, { "POST ReadAll", SignedIn } },
        // The login page offers the language switch too.
        new("/Language") { { "GET", Everyone }, { "POST", Everyone } },
        // Re-executed by the exception handler and the status-code pages, also for failed POSTs.
        new("/Error") { { "GET", Everyone }, { "POST", Everyone } },

        // --- Admin (national secretariat only: AuthorizeFolder("/Admin")) -------------------
        new("/Admin/Audit/Index") { { "GET", Administrator }, { "GET Csv", Administrator } },
        new("/Admin/Users/Index") { { "GET", Administrator } },
        new("/Admin/Users/Create") { { "GET", Administrator }, { "POST", Administrator } },
        new("/Admin/Users/Edit?id={user}")
        {
            { "GET", Administrator }, { "POST", Administrator }, { "POST Disable", Administrator }, { "POST Enable", Administrator },
            { "POST Unlock", Administrator }, { "POST ResetPassword", Administrator }, { "POST ResetTwoFactor", Administrator },
            { "POST ResendInvitation", Administrator }, { "POST RevokeInvitation", Administrator },
        },
        new("/Admin/Offices/Index") { { "GET", Administrator } },
        new("/Admin/Offices/BranchOffice/{branch}") { { "GET", Administrator }, { "POST", Administrator } },
        new("/Admin/Offices/RegionalOffice/{regional}") { { "GET", Administrator }, { "POST", Administrator } },
        new("/Admin/Cycles/Index") { { "GET", Administrator } },
        new("/Admin/Cycles/Create") { { "GET", Administrator }, { "POST", Administrator } },
        new("/Admin/Cycles/Edit/{cycle}")
        {
            { "GET", Administrator }, { "POST", Administrator }, { "POST MakeCurrent", Administrator }, { "POST Close", Administrator }, { "POST Reopen", Administrator },
        },
        new("/Admin/Cycles/Categories/{cycle}") { { "GET", Administrator }, { "POST", Administrator }, { "POST Copy", Administrator } },
        new("/Admin/Cycles/EditCategory/{category}") { { "GET", Administrator }, { "POST", Administrator } },
        new("/Admin/Criteria/Index") { { "GET", Administrator }, { "POST Create", Administrator }, { "POST Copy", Administrator } },
        new("/Admin/Criteria/Edit/{criteria}") { { "GET", Administrator }, { "POST", Administrator } },
        new("/Admin/Criteria/Settings/{cycle}") { { "GET", Administrator }, { "POST", Administrator } },

        // --- Regions (reference data, scoped: a branch officer sees the branch's regencies) ---
        new("/Regions/Index") { { "GET", Staff } },
        new("/Regions/Province/{province}") { { "GET", Staff } },
        new("/Regions/RegencyOrCity/{regency}") { { "GET", Staff } },
        // Coverage (issue 16): a province's for everyone of it (a branch officer: their area), the country's for the administrator.
        new("/Participation/Province/{province}") { { "GET", Staff }, { "GET Csv", Staff }, { "GET EmployersCsv", Staff } },
        new("/Participation/National") { { "GET", Administrator }, { "GET Csv", Administrator }, { "GET EmployersCsv", Administrator } },
        new("/National/Country") { { "GET", Administrator }, { "GET Csv", Administrator } },
        // A province's stage dates (docs/decisions/029): read by everyone of the province, changed by its
        // chair or the administrator (who picks the province; the others' own province is used).
        new("/Schedule/Index?province=51") { { "GET", Staff }, { "POST", Administrator | Chair } },

        // --- Employers (imported by branch officers, read by everyone in scope) --------------
        new("/Employers/Index") { { "GET", Staff }, { "GET Export", Staff } },
        new("/Employers/Details/{employer}") { { "GET", Staff } },
        new("/Imports/Index") { { "GET", Administrator | Officer }, { "POST", Administrator | Officer } },
        new("/Imports/Preview/{import}")
        {
            { "GET", Administrator | Officer }, { "POST ImportAll", Administrator | Officer }, { "POST ValidOnly", Administrator | Officer }, { "POST Cancel", Administrator | Officer },
        },
        new("/Imports/Progress/{importDone}") { { "GET", Administrator | Officer }, { "GET Status", Administrator | Officer } },
        // Regional coverage extracts (issue 16): the same people, all or nothing (no "valid rows only").
        new("/Imports/Regional/Index") { { "GET", Administrator | Officer }, { "POST", Administrator | Officer } },
        new("/Imports/Regional/Preview/{regionalImport}")
        {
            { "GET", Administrator | Officer }, { "POST ImportAll", Administrator | Officer }, { "POST Cancel", Administrator | Officer },
        },

        // --- Nominations ----------------------------------------------------------------------
        new("/Nominations/Index") { { "GET", Staff } },
        new("/Nominations/Create") { { "GET", Committee }, { "POST", Committee } },
        // Every signed-in role may ask for a transition; the workflow decides which step a role may take.
        new("/Nominations/Details/{draft}") { { "GET", Staff }, { "POST Transition", Staff } },
        // The committee invites and follows the candidate's representatives (docs/decisions/050).
        new("/Nominations/Representatives/{field}")
        {
            { "GET", Committee }, { "POST Invite", Committee }, { "POST Resend", Committee }, { "POST Revoke", Committee }, { "POST Disable", Committee }, { "POST Enable", Committee },
        },
        new("/Nominations/Edit/{draft}")
        {
            { "GET", Committee }, { "POST", Committee },
            { "POST AddRegulation", Committee }, { "POST RemoveRegulation", Committee },
            { "POST AddBudget", Committee }, { "POST RemoveBudget", Committee },
            { "POST AddInnovation", Committee }, { "POST RemoveInnovation", Committee },
        },
        // The candidate's self-assessment beside the nomination: the committee of its province reads, accepts and returns (docs/decisions/051).
        new("/Nominations/SelfAssessment/{draft}") { { "GET", Committee }, { "POST Accept", Committee }, { "POST AcceptAll", Committee }, { "POST Return", Committee } },
        new("/Nominations/SelfAssessmentDocument/{candidateDocument}") { { "GET", Committee } },
        new("/Verification/Index") { { "GET", Officer }, { "POST Verify", Officer }, { "POST Return", Officer } },

        // --- Field work: everyone in scope reads, the committee records -----------------------
        new("/FieldWork/Index") { { "GET", Staff } },
        // Everyone in scope reads; sending the nomination back to field assessment is the chair's (Forbid in the handler).
        new("/FieldWork/Nomination/{field}") { { "GET", Staff }, { "POST SendBack", Chair } },
        new("/FieldWork/Timeline/{field}") { { "GET", Staff } },
        new("/FieldWork/Visits/Plan?nomination={field}") { { "GET", Committee }, { "POST", Committee } },
        new("/FieldWork/Visits/Details/{visit}") { { "GET", Staff } },
        new("/FieldWork/Visits/Record/{visit}") { { "GET", Committee }, { "POST", Committee } },
        new("/FieldWork/Visits/Reschedule/{visit}") { { "GET", Committee }, { "POST", Committee } },
        new("/FieldWork/Visits/Cancel/{visit}") { { "GET", Committee }, { "POST", Committee } },
        new("/FieldWork/Coaching/Index") { { "GET", Staff } },
        new("/FieldWork/Coaching/Create?nomination={field}") { { "GET", Committee }, { "POST", Committee } },
        // Reading is for everyone who sees the nomination; the actions are the committee's (Forbid in the handler).
        new("/FieldWork/Coaching/Item/{item}")
        {
            { "GET", Staff }, { "POST Start", Committee }, { "POST Resolve", Committee }, { "POST Waive", Committee }, { "POST Reopen", Committee },
            { "POST Share", Committee }, { "POST Unshare", Committee }, { "POST ReturnAnswer", Committee },
        },
        new("/FieldWork/Files/Upload?nomination={field}&visit={visit}") { { "GET", Committee }, { "POST", Committee } },
        new("/FieldWork/Files/Download/{file}") { { "GET", Staff } },
        new("/FieldWork/Files/Remove/{file}") { { "GET", Committee }, { "POST", Committee } },

        // --- Scoring (the provincial committee; the chair runs rounds and assignments) --------
        new("/Scoring/Index") { { "GET", Committee } },
        // The same card page scores the national rounds for the jurors (docs/decisions/043).
        new("/Scoring/Card?round={round}&nomination={scoring}") { { "GET", Committee | Juror }, { "POST Save", Committee | Juror }, { "POST SaveNext", Committee | Juror }, { "POST Submit", Committee | Juror } },
        new("/Scoring/CardHistory/{card}") { { "GET", Chair }, { "POST Reopen", Chair } },
        new("/Scoring/Conflicts/Index") { { "GET", Committee } },
        new("/Scoring/Conflicts/Declare?nomination={scoring}&round={round}") { { "GET", Committee | Juror }, { "POST", Committee | Juror } },
        new("/Scoring/Progress") { { "GET", Chair } },
        new("/Scoring/Ranking") { { "GET", Committee } },
        // Members see the rounds; creating the defaults is the chair's (Forbid in the handler).
        new("/Scoring/Rounds/Index") { { "GET", Committee }, { "POST Defaults", Chair } },
        // Members see a round; opening and closing it is the chair's (Forbid in the handler).
        new("/Scoring/Rounds/Details/{round}") { { "GET", Committee }, { "POST Open", Chair }, { "POST Close", Chair }, { "POST Deadline", Chair } },
        new("/Scoring/Rounds/Edit/{draftRound}") { { "GET", Chair }, { "POST", Chair } },
        new("/Scoring/Rounds/Assignments/{round}")
        {
            { "GET", Chair }, { "POST One", Chair }, { "POST Category", Chair }, { "POST Balance", Chair }, { "POST Remove", Chair },
        },

        // --- Shortlist, plenary and reports ----------------------------------------------------
        new("/Shortlist/Index") { { "GET", Committee } },
        new("/Plenary/Index") { { "GET", Chair }, { "POST Save", Chair }, { "POST Decide", Chair }, { "POST Reopen", Chair }, { "POST Forward", Chair } },

        // --- The national stage (docs/decisions/043): the secretariat (administrator) and the jurors -------
        new("/National/Index") { { "GET", National } },
        new("/National/Dossier/{pooled}") { { "GET", National } },
        // A forwarded finalist's evidence file, for the jury and the secretariat (docs/decisions/048).
        new("/National/DossierFile/{pooled}/{pooledFile}") { { "GET", National } },
        new("/National/Cards") { { "GET", Juror } },
        // The national plenary (docs/decisions/047): decided by the secretariat; its report read by the secretariat and the jurors.
        new("/National/Plenary?cycle=2021") { { "GET", Administrator }, { "POST Save", Administrator }, { "POST Decide", Administrator }, { "POST Reopen", Administrator } },
        new("/National/Report?cycle=2021") { { "GET", National }, { "GET Pdf", National } },
        // The interview schedule (docs/decisions/046): the secretariat schedules; jurors and the provincial committee read.
        new("/National/Interviews/Index") { { "GET", National | Committee } },
        new("/National/Interviews/Schedule?nomination={pooled}") { { "GET", Administrator }, { "POST", Administrator } },
        new("/National/Interviews/Edit/{interview}") { { "GET", Administrator }, { "POST", Administrator }, { "POST Cancel", Administrator } },
        new("/National/Rounds")
        {
            { "GET", Administrator }, { "POST Defaults", Administrator }, { "POST Open", Administrator }, { "POST Close", Administrator }, { "POST Assign", Administrator },
        },
        new("/Reports/Index") { { "GET", Committee }, { "GET RankingsCsv", Committee }, { "GET ScoresCsv", Committee } },
        new("/Reports/Finalists") { { "GET", Committee }, { "GET Pdf", Committee } },
        new("/Reports/Shortlist") { { "GET", Committee }, { "GET Pdf", Committee } },
        new("/Reports/Sheet?id={scoring}") { { "GET", Committee }, { "GET Pdf", Committee } },
        // The committee verifies its province's decision documents, the administrator (national secretariat) every province's.
        new("/Reports/Verify?code={code}&number={document}") { { "GET", Committee | Administrator } },
    ];

    /// <summary>"page METHOD[ Name]" → who, for comparing with what the app has.</summary>
    public static Dictionary<string, Who> Flatten(IEnumerable<PageRules> pages) =>
        pages.SelectMany(p => p.Handlers.Select(h => (Key: $"{p.Page} {h.Key}", h.Value)))
            .ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);

    /// <summary>Differences between the declared matrix and the handlers the app has (empty when they agree).</summary>
    public static List<string> Differences(IEnumerable<PageRules> pages, IEnumerable<string> appHandlers)
    {
        var declared = Flatten(pages);
        var app = appHandlers.ToHashSet(StringComparer.Ordinal);
        return app.Where(h => !declared.ContainsKey(h)).Select(h => $"not declared in the matrix: {h}")
            .Concat(declared.Keys.Where(h => !app.Contains(h)).Select(h => $"declared but not in the app: {h}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static IEnumerable<Who> Roles => Accounts.Keys;
}
