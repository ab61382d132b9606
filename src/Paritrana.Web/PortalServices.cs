using FluentValidation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Paritrana.Web.Infrastructure.Input;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web;

/// <summary>The portal's services and request pipeline, in one place to read top to bottom.</summary>
public static class PortalServices
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// The formats of the English interface: English dates, month and day names and numbers
    /// (1,027,000; 39.41), and forms read numbers typed so (docs/decisions/037, 040).
    /// </summary>
    public static readonly CultureInfo EnglishFormats = English;

    /// <summary>The culture of dates and numbers for an interface language (its UI culture's name: "en" or "id-ID").</summary>
    public static CultureInfo FormatsFor(string uiCulture) => uiCulture == English.Name ? EnglishFormats : Indonesian;

    public static void AddPortalServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var environment = builder.Environment;

        if (configuration.GetValue<bool>("Demo:Enabled") && environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Demo:Enabled=true is refused in the Production environment: demo accounts share a published password.");
        }

        // Serilog on stdout, OpenTelemetry when configured (Infrastructure/Observability.cs).
        builder.AddPortalObservability();

        services.AddSingleton(TimeProvider.System);

        // No warning is ignored: a model changed without its migration makes Migrate() fail
        // (PendingModelChangesWarning is an error by default), docs/decisions/016.
        // OutboxWake: a SaveChanges that saved queued mail wakes the mail drain (docs/decisions/028).
        // ReferenceChanges: a SaveChanges that changes reference data announces it to every
        // instance's ReferenceData in its transaction (docs/decisions/032).
        // SessionWrites: a write of users, sessions or notifications drops this instance's held
        // session rows (docs/decisions/048; other instances hear the tables' triggers).
        // The options are built once per instance and the contexts pooled (docs/decisions/020): a
        // request still gets a context of its own, reset on return, without building one and its
        // services each time. The context therefore holds no state of its own beyond EF Core's.
        services.AddDbContextPool<ParitranaDbContext>(
            (sp, options) => ParitranaDbContext.Configure(options, ConnectionString(configuration))
                .AddInterceptors(Infrastructure.Mail.OutboxWake.Interceptor, sp.GetRequiredService<ReferenceChanges>(), sp.GetRequiredService<SessionWrites>()));

        // A context of its own for stand-alone writes (audit events that stand alone, sessions).
        services.AddScoped<IDbContextFactory<ParitranaDbContext>, StandaloneContexts>();
        services.AddScoped<RegionSeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoAwardSeeder>();
        services.AddScoped<DemoRegionalSeeder>();
        services.AddScoped<DemoSelfAssessmentSeeder>();
        services.AddScoped<Data.Demo.DemoActor>();
        services.AddScoped<LegacyStateMove>();
        services.AddScoped<DatabaseSetup>();

        AddAccounts(services, configuration, environment);

        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        // The instance's one LISTEN connection (jobs, reference data) and the reference data it keeps fresh (docs/decisions/032).
        services.AddSingleton<PostgresNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresNotifications>());
        services.AddSingleton<ReferenceData>();
        services.AddSingleton<ReferenceChanges>();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<SessionWrites>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditTrail>();
        services.AddJobs();
        services.AddMail(configuration);
        services.AddImports();
        services.AddScoring();
        services.AddNominations();
        services.AddScoped<Features.Candidates.SelfAssessmentService>();
        services.AddFieldWork();
        services.AddCandidates();
        services.AddNational();
        services.AddReports(configuration);
        // Every page input's validator, scoped: several read the DbContext or the current user
        // (docs/decisions/019); InputValidationFilter runs them for every POST handler.
        services.AddValidatorsFromAssemblyContaining<SharedResource>(ServiceLifetime.Scoped);
        services.AddScoped<RequestIds>();
        services.AddScoped<Pages.Nominations.NominationFacts>();
        services.AddScoped<Pages.Admin.Audit.AuditLog>();
        services.AddWork();
        services.AddCoverage();
        services.AddNotifications(configuration);

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // Dates and numbers follow the language of the interface (docs/decisions/037, 040).
            o.DefaultRequestCulture = new RequestCulture(Indonesian, Indonesian);
            o.SupportedCultures = [Indonesian, EnglishFormats];
            o.SupportedUICultures = [Indonesian, English];
            o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = LanguageCookie.Name }];
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
                // Deny by default for a national juror (docs/decisions/043) and a candidate's representative
                // (docs/decisions/049): every page but the person's own pages (start, account,
                // notifications) needs a staff role, the national area the award's people, the candidate
                // area a candidate's representative.
                o.Conventions.AddFolderApplicationModelConvention("/", page =>
                {
                    if (Policies.AudienceOf(page.ViewEnginePath) is { } policy)
                    {
                        page.EndpointMetadata.Add(new AuthorizeAttribute(policy));
                    }
                });
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
                o.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
                o.Conventions.AllowAnonymousToPage("/Account/Invitation");
                o.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                o.Conventions.AllowAnonymousToPage("/Account/LoginWithRecoveryCode");
                o.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // A form field with refused text (NUL, control characters, broken UTF-8) is never
                // handed to a POST handler: the page comes back with the message (decisions/013).
                o.Filters.Add<UntrustedFormFilter>();
                // Then every bound input's validator, before any POST handler runs (decisions/019):
                // after the untrusted-text check, so a refused form never reaches it.
                o.Filters.Add<InputValidationFilter>();
                // Required fields are declared by the validators (with Indonesian messages), not
                // implied by non-nullable strings (which would give English messages).
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            });
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();

        var requireHttps = RequiresHttps(configuration, environment);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = requireHttps ? "__Host-Paritrana.Antiforgery" : ".Paritrana.Antiforgery";
            o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });

        services.AddSignInRateLimit(configuration);
        // Sent mail, ended sessions and read notifications are deleted after their retention (docs/decisions/039).
        services.AddJobHandler<RetentionPruning>(RetentionPruning.Kind, recurring: true);

        services.AddPortalHealthChecks();
    }

    private static void AddAccounts(IServiceCollection services, ConfigurationManager configuration, IWebHostEnvironment environment)
    {
        // Server-side sessions and their lifetimes (docs/decisions/012-server-side-sessions.md).
        var lifetimes = SessionLifetimes.Create(
            configuration.GetValue("Security:SessionIdleTimeout", SessionLifetimes.Default.Idle),
            configuration.GetValue("Security:SessionAbsoluteTimeout", SessionLifetimes.Default.Absolute));
        services.AddSingleton(lifetimes);
        services.AddScoped<SessionStore>();
        // "Lupa kata sandi?" (docs/decisions/028): links valid for a limited time, requests limited.
        services.AddSingleton(new PasswordResetLinkLifetime(configuration.GetValue("Security:PasswordResetLinkLifetime", PasswordResetLinkLifetime.Default)));
        services.AddScoped<PasswordResetLimit>();
        services.AddScoped<EmailChangeLimit>();
        services.AddSingleton(new EmailChangeLinkLifetime(configuration.GetValue("Security:EmailChangeLinkLifetime", EmailChangeLinkLifetime.Default)));
        // Accounts by invitation, e-mail change and two-factor sign-in (docs/decisions/031).
        services.AddScoped<Invitations>();
        services.AddSingleton(TwoFactorRequirement.Read(configuration));
        services.AddScoped<AuthenticatorKeys>();
        services.AddScoped<Pages.Account.SignInSteps>();

        services.AddIdentity<PortalUser, IdentityRole<Guid>>(o =>
            {
                // NIST SP 800-63B: length and a deny-list of common passwords, no composition rules.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.Name;
                o.Tokens.ChangeEmailTokenProvider = EmailChangeTokenProvider.Name;
            })
            .AddEntityFrameworkStores<ParitranaDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.Name)
            .AddTokenProvider<EmailChangeTokenProvider>(EmailChangeTokenProvider.Name);

        services.ConfigureApplicationCookie(o =>
        {
            var requireHttps = RequiresHttps(configuration, environment);
            o.Cookie.Name = requireHttps ? "__Host-Paritrana.Auth" : ".Paritrana.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
            // The server ends sessions (SessionValidator); the ticket outlives them by an hour so
            // that the server, which can say why, always decides first.
            o.ExpireTimeSpan = lifetimes.Absolute + TimeSpan.FromHours(1);
            o.SlidingExpiration = false;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
            o.Events.OnRedirectToLogin = SessionValidator.TellingWhy(o.Events.OnRedirectToLogin);
            o.Events.OnRedirectToAccessDenied = AccessRefusals.RecordAndRedirectAsync;
        });

        // The short-lived cookie between the password and the code of a two-factor sign-in.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            var requireHttps = RequiresHttps(configuration, environment);
            o.Cookie.Name = requireHttps ? "__Host-Paritrana.TwoFactor" : ".Paritrana.TwoFactor";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
        });

        // Keys in PostgreSQL, one application name: a cookie or antiforgery token issued by one
        // instance is read by every other (docs/decisions/018-stateless-instances.md).
        services.AddPortalDataProtection(configuration);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Committee, p => p.RequireRole(Roles.CommitteeChair, Roles.CommitteeMember))
            .AddPolicy(Policies.Chair, p => p.RequireRole(Roles.CommitteeChair))
            .AddPolicy(Policies.BranchOfficer, p => p.RequireRole(Roles.BranchOfficer))
            .AddPolicy(Policies.Provincial, p => p.RequireRole(Roles.CommitteeChair, Roles.CommitteeMember, Roles.BranchOfficer))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff))
            .AddPolicy(Policies.Portal, p => p.RequireRole(Roles.Portal))
            .AddPolicy(Policies.Candidate, p => p.RequireRole(Roles.CandidateRepresentative))
            .AddPolicy(Policies.National, p => p.RequireRole(Roles.Administrator, Roles.NationalJuror))
            .AddPolicy(Policies.InterviewSchedule, p => p.RequireRole(Roles.Administrator, Roles.NationalJuror, Roles.CommitteeChair, Roles.CommitteeMember))
            .AddPolicy(Policies.Juror, p => p.RequireRole(Roles.NationalJuror))
            .AddPolicy(Policies.Scorer, p => p.RequireRole(Roles.CommitteeChair, Roles.CommitteeMember, Roles.NationalJuror));
    }

    /// <summary>
    /// Cookies are Secure and __Host- prefixed unless Security:RequireHttps is false. It defaults to
    /// true outside Development; only a demo served over plain http on localhost (docker compose)
    /// turns it off.
    /// </summary>
    public static bool RequiresHttps(IConfiguration configuration, IWebHostEnvironment environment) =>
        configuration.GetValue("Security:RequireHttps", !environment.IsDevelopment());

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Paritrana") is { Length: > 0 } cs
            ? WithPlannerCosts(cs)
            : throw new InvalidOperationException(
                "ConnectionStrings:Paritrana is not set. Start the portal with scripts/start.sh, or set ConnectionStrings__Paritrana.");

    /// <summary>The planner setting every portal session runs with, unless the connection string gives its own Options.</summary>
    public const string PlannerOptions = "-c random_page_cost=1.1";

    /// <summary>
    /// PostgreSQL's default random_page_cost (4) prices an index lookup as a seek on a spinning
    /// disk. The portal's tables are small enough to stay in memory (or on SSD), and with the
    /// default the planner joined a chair's few hundred nominations to all 50,000 organisations by
    /// scanning them instead of looking each one up: 38 ms against 1.4 ms (docs/benchmarks.md,
    /// "National scale"; docs/decisions/009). Options in the connection string win.
    /// </summary>
    public static string WithPlannerCosts(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Options))
        {
            builder.Options = PlannerOptions;
        }

        // The portal sends the same few hundred statements over and over; planning them each time
        // cost PostgreSQL as much as running them (the chair's home page: 9 → 6.5 ms of server CPU
        // per request prepared). Npgsql prepares a statement on a connection once it has run twice
        // there (docs/decisions/020). A connection string that names its own setting wins.
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    /// <summary>Statements kept prepared per connection: more than the distinct statements of the busiest pages.</summary>
    public const int AutoPreparedStatements = 200;

    public static void UsePortalPipeline(this WebApplication app)
    {
        // The client's address from X-Forwarded-For, trusted only from Network:KnownProxies.
        app.UsePortalForwardedHeaders();
        app.UsePortalRequestLogging();
        // Which instance answered, when Cluster:InstanceName is set (behind the balancer, docs/operations.md).
        app.UseInstanceHeader();
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        if (RequiresHttps(app.Configuration, app.Environment))
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        // A path or query string with refused text: 400 with the friendly page (decisions/013).
        app.UseUntrustedInputChecks();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestRouteCapture();
        app.UseSignInRateLimit();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        // A user of a role that must use two-factor sign-in and has not enabled it: only its setup page.
        app.UseTwoFactorRequirement();

        app.MapPortalHealthEndpoints();
        app.MapRazorPages();
    }
}

/// <summary>Names of the authorization policies, one per group of roles.</summary>
public static class Policies
{
    public const string Administrator = nameof(Administrator);
    public const string Committee = nameof(Committee);
    public const string Chair = nameof(Chair);
    public const string BranchOfficer = nameof(BranchOfficer);
    public const string Provincial = nameof(Provincial);

    /// <summary>Every role but the national juror: the default of every page outside <see cref="OpenToJurors"/>.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>The national stage: the administrator (national secretariat) and the national jurors.</summary>
    public const string National = nameof(National);

    /// <summary>The national interview schedule: the secretariat and the jurors (all of it), a provincial committee (its own finalists').</summary>
    public const string InterviewSchedule = nameof(InterviewSchedule);

    /// <summary>A national juror only (their own cards).</summary>
    public const string Juror = nameof(Juror);

    /// <summary>Whoever scores cards: the provincial committee, and the national jurors (the same card page, docs/decisions/043).</summary>
    public const string Scorer = nameof(Scorer);

    /// <summary>The award's own people, every role but a candidate's representative: the pages open to jurors beyond one's own.</summary>
    public const string Portal = nameof(Portal);

    /// <summary>A candidate's representative: the candidate area (<c>/Candidate/</c>), and only it (docs/decisions/049).</summary>
    public const string Candidate = nameof(Candidate);

    /// <summary>
    /// The pages a national juror may reach at all (docs/decisions/043): the national area, the start
    /// page, their own account and notifications, the language switch and the error page. Everything
    /// else (every provincial page, and every page added later) is denied to jurors by default.
    /// </summary>
    public static bool OpenToJurors(string viewEnginePath) =>
        OpenToEveryone(viewEnginePath)
        || viewEnginePath is "/Scoring/Card" or "/Scoring/Conflicts/Declare"
        || viewEnginePath.StartsWith("/National/", StringComparison.Ordinal);

    /// <summary>
    /// The person's own pages, open to every signed-in role (a candidate's representative too): the
    /// start page, the account and notification pages, the language switch, the error and about pages.
    /// </summary>
    public static bool OpenToEveryone(string viewEnginePath) =>
        viewEnginePath is "/Index" or "/About" or "/Error" or "/Language"
        || viewEnginePath.StartsWith("/Account/", StringComparison.Ordinal)
        || viewEnginePath.StartsWith("/Notifications/", StringComparison.Ordinal);

    /// <summary>
    /// The policy every page of a folder gets before its own (null: only sign-in): the candidate area
    /// is a candidate's representative's alone; the person's own pages are everyone's; the national
    /// area and the card page are the award's people's (a page's own policy narrows further); every
    /// other page, and every page added later, is the staff's. So neither a juror nor a candidate's
    /// representative reaches a provincial page that forgot to say who may open it (docs/decisions/043, 049).
    /// </summary>
    public static string? AudienceOf(string viewEnginePath) =>
        viewEnginePath.StartsWith("/Candidate/", StringComparison.Ordinal) ? Candidate
        : OpenToEveryone(viewEnginePath) ? null
        : OpenToJurors(viewEnginePath) ? Portal
        : Staff;
}
