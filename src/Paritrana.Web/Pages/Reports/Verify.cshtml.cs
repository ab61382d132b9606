using System.ComponentModel.DataAnnotations;
using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Pages.Reports;

/// <summary>
/// "Verifikasi dokumen": the verification code and/or the document number printed on a finalist
/// report are looked up among the stored versions of plenary decisions in the user's scope
/// (docs/decisions/011): which document, which version, whether it was superseded, and whether the
/// stored snapshot still matches its hash. A committee sees its own province's documents, the
/// administrator (the national secretariat, who receives them) every province's; another
/// province's document is "not found" (404), exactly like a code that matches nothing.
/// </summary>
[Authorize(Roles = Roles.CommitteeChair + "," + Roles.CommitteeMember + "," + Roles.Administrator)]
public class VerifyModel(CurrentUser me, DecisionVersions versions, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Kode verifikasi")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Nomor dokumen")]
    public string? Number { get; set; }

    /// <summary>Something valid was looked up (the result, or "not found", is shown).</summary>
    public bool Searched { get; private set; }

    public IReadOnlyList<VerificationMatch> Matches { get; private set; } = [];

    public bool CanOpenReports => me.Role is Roles.CommitteeChair or Roles.CommitteeMember;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Number))
        {
            return Page();
        }

        var code = DecisionDocument.ParseCode(Code);
        var number = DecisionDocument.ParseNumber(Number);
        if (!string.IsNullOrWhiteSpace(Code) && code is null)
        {
            ModelState.AddModelError(nameof(Code), l["Kode verifikasi terdiri atas 10 huruf dan angka, misalnya K7Q2M-XW4TB."]);
        }

        if (!string.IsNullOrWhiteSpace(Number) && number is null)
        {
            ModelState.AddModelError(nameof(Number), l["Nomor dokumen berbentuk PRT-tahun-kode provinsi-versi, misalnya PRT-2021-51-001."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Searched = true;
        Matches = await versions.FindAsync(await me.GetScopeAsync(ct), code, number, ct);
        if (Matches.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
