using FluentValidation;
using FluentValidation.Results;

namespace Paritrana.Web.Infrastructure.Validation;

/// <summary>
/// A validator whose rules need facts the form does not carry and must not be trusted to carry
/// (the [BindNever] properties of its input: the record the route names, the user's province):
/// it reads them itself before its rules run, since <see cref="InputValidationFilter"/> runs it
/// before the handler. When the record is not there no rule runs; the handler answers 404 as before.
/// Rules about the state of a record the handler loads and checks (scope, status) stay in the handler.
/// </summary>
public abstract class FactsValidator<T> : AbstractValidator<T>
{
    /// <summary>Fills the input's facts; false when the record they come from does not exist.</summary>
    protected abstract Task<bool> ReadFactsAsync(T input, CancellationToken ct);

    public override async Task<ValidationResult> ValidateAsync(ValidationContext<T> context, CancellationToken cancellation = default) =>
        await ReadFactsAsync(context.InstanceToValidate, cancellation) ? await base.ValidateAsync(context, cancellation) : new ValidationResult();

    public override ValidationResult Validate(ValidationContext<T> context) =>
        throw new InvalidOperationException($"{GetType().Name} reads its facts from the database: validate it asynchronously.");
}

/// <summary>The ids the request names in its route or query string (as the handler binds them).</summary>
public sealed class RequestIds(IHttpContextAccessor http)
{
    public int? Number(string name) =>
        int.TryParse(Value(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public Guid? Uuid(string name) => Guid.TryParse(Value(name), CultureInfo.InvariantCulture, out var value) ? value : null;

    private string? Value(string name) =>
        http.HttpContext is { } context ? context.GetRouteValue(name)?.ToString() ?? context.Request.Query[name].FirstOrDefault() : null;
}
