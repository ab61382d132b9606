namespace Paritrana.Web.Pages.Account;

/// <summary>Says that the role does not allow the page. The refusal itself is audited where it happens (Accounts/AccessRefusals).</summary>
public class AccessDeniedModel : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
