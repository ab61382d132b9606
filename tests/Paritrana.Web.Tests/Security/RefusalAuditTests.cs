using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Auditing;
using Paritrana.Web.Data;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Tests.Security;

/// <summary>
/// A refusal is audited on a connection of its own: whatever the refused request had changed in its
/// DbContext is not saved with it. No page of the portal changes an entity and then refuses, so a
/// page filter registered only in this test host plays that handler: on a request that carries its
/// header it renames Bali in the request's DbContext (tracked, unsaved) and then refuses, either with
/// Forbid() (the path of Accounts/AccessRefusals) or by recording a stand-alone event itself
/// (AuditTrail.RecordNowAsync, as sign-in and sign-out do).
/// </summary>
public class RefusalAuditTests : IAsyncLifetime
{
    private string _database = "";
    private RefusingPortalFactory? _factory;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("refusal");
        _factory = new RefusingPortalFactory(_database);
    }

    public async Task DisposeAsync()
    {
        await _factory!.DisposeAsync();
        await TestDatabase.DropAsync(_database);
    }

    [Theory]
    [InlineData("forbid", HttpStatusCode.Redirect, "GET /Regions")]
    [InlineData("record-now", HttpStatusCode.Forbidden, "probe: refused after a change")]
    public async Task A_refused_request_leaves_its_unsaved_change_unsaved_and_its_refusal_is_audited(string how, HttpStatusCode status, string details)
    {
        using var client = await _factory!.CreatePortalClient().SignedInAsAsync("ketua.bali@paritrana.demo");
        var before = await TestDatabase.ScalarAsync<long>(_database, "SELECT coalesce(max(id), 0) FROM audit_events");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Regions");
        request.Headers.Add(ChangeThenRefuseFilter.Header, how);
        using var response = await client.Http.SendAsync(request);

        response.StatusCode.ShouldBe(status);
        if (status == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.ToString().ShouldBe("http://localhost/Account/AccessDenied?ReturnUrl=%2FRegions");
        }

        (await TestDatabase.ScalarAsync<string>(_database, "SELECT name FROM provinces WHERE code = '51'")).ShouldBe("Bali");
        (await TestDatabase.ScalarAsync<string>(_database,
            $"SELECT string_agg(action || ' | ' || coalesce(user_email, '-') || ' | ' || {AuditSql.Text("details")}, '; ' ORDER BY id) FROM audit_events WHERE id > @id",
            ("id", before))).ShouldBe($"{AuditActions.AccessRefused} | ketua.bali@paritrana.demo | {details}");
    }

    private sealed class RefusingPortalFactory(string database) : PortalFactory(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(new ChangeThenRefuseFilter())));
        }
    }

    private sealed class ChangeThenRefuseFilter : IAsyncPageFilter
    {
        public const string Header = "X-Test-Change-Then-Refuse";

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var how = context.HttpContext.Request.Headers[Header].ToString();
            if (how.Length == 0 || context.ActionDescriptor.ViewEnginePath != "/Regions/Index")
            {
                await next();
                return;
            }

            var services = context.HttpContext.RequestServices;
            var db = services.GetRequiredService<ParitranaDbContext>();
            var bali = await db.Provinces.SingleAsync(p => p.Code == "51");
            bali.Name = "Bali (changed, then refused)";
            if (how == "record-now")
            {
                var me = context.HttpContext.User;
                await services.GetRequiredService<AuditTrail>().RecordNowAsync(AuditActions.AccessRefused,
                    Guid.Parse(me.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value),
                    me.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value, AuditDetails.Of(("probe", "refused after a change")));
                context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            }
            else
            {
                context.Result = new ForbidResult();
            }
        }
    }
}
