namespace Paritrana.Web.Infrastructure.Validation;

/// <summary>
/// On a POST handler of a page with several [BindProperty] inputs (one per form, or a form and
/// some buttons): the bound inputs whose validators <see cref="InputValidationFilter"/> runs for
/// this handler. Without the attribute every bound input is validated. <c>[ValidateOnly]</c> with
/// no name is a button that posts none of the page's forms (at most a row version). The handler's
/// own arguments are always validated.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ValidateOnlyAttribute(params string[] properties) : Attribute
{
    public IReadOnlyList<string> Properties { get; } = properties;
}
