using Microsoft.AspNetCore.Mvc.RazorPages;
using Paritrana.Domain.Auditing;
using Paritrana.Web.Accounts;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Pages.Account;

public class AccessDeniedModel(CurrentUser me, AuditTrail audit) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task OnGetAsync()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await audit.RecordNowAsync(AuditActions.AccessRefused, me.Id, me.Email, ReturnUrl is { Length: > 0 } url ? url[..Math.Min(url.Length, 500)] : null);
    }
}
