using FluentValidation;

namespace Paritrana.Web.Infrastructure.Validation;

/// <summary>The rule of an uploaded file (evidence, employer extracts): chosen, not empty, within the page's limit.</summary>
public static class UploadRules
{
    /// <param name="rule">The rule of the input's file.</param>
    /// <param name="l">The localizer of the size message.</param>
    /// <param name="missing">The text when no file was chosen, in the request's language.</param>
    /// <param name="empty">The text for a file of no bytes, in the request's language.</param>
    /// <param name="maxBytes">The page's limit.</param>
    /// <param name="maxText">The limit as people read it ("25 MB").</param>
    public static IRuleBuilderOptions<T, IFormFile?> UploadedFile<T>(
        this IRuleBuilderInitial<T, IFormFile?> rule, IStringLocalizer l, Func<string> missing, Func<string> empty, long maxBytes, string maxText) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => missing())
            .Must(f => f!.Length > 0).WithMessage(_ => empty())
            .Must(f => f!.Length <= maxBytes).WithMessage(_ => l["Berkas lebih besar dari batas {0}.", maxText]);
}
