using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace Paritrana.Web.Infrastructure.Validation;

/// <summary>
/// Validation that no handler can forget (docs/decisions/019): before every POST handler runs, each
/// input bound for it (the page's [BindProperty] properties, narrowed by <see cref="ValidateOnlyAttribute"/>,
/// and the handler's own arguments) is checked by its <see cref="IValidator{T}"/> from DI, when one is
/// registered. Each failure goes into ModelState under the field's full name (<c>Input.Email</c>), so
/// that <c>asp-validation-for</c> shows it beside the field; the handler only asks
/// <c>ModelState.IsValid</c>. Messages come from the validators' localizer in the request's culture.
/// Runs after <see cref="Input.UntrustedFormFilter"/>: a form it refuses never reaches a POST handler.
/// </summary>
public sealed class InputValidationFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is { } handler && string.Equals(handler.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (prefix, model) in BoundInputs(context, handler))
            {
                await ValidateAsync(context.HttpContext.RequestServices, prefix, model, context.ModelState, context.HttpContext.RequestAborted);
            }
        }

        await next();
    }

    /// <summary>The inputs bound for this handler, each with the name its fields are posted under.</summary>
    private static IEnumerable<(string Prefix, object Model)> BoundInputs(PageHandlerExecutingContext context, HandlerMethodDescriptor handler)
    {
        var reads = handler.MethodInfo.GetCustomAttribute<ValidateOnlyAttribute>()?.Properties;
        foreach (var property in context.ActionDescriptor.BoundProperties.OfType<PageBoundPropertyDescriptor>())
        {
            if (reads is not null && !reads.Contains(property.Name, StringComparer.Ordinal))
            {
                continue;
            }

            if (property.Property.GetValue(context.HandlerInstance) is { } model)
            {
                yield return (ModelName(property), model);
            }
        }

        foreach (var parameter in handler.Parameters)
        {
            if (context.HandlerArguments.TryGetValue(parameter.Name, out var model) && model is not null)
            {
                yield return (ModelName(parameter), model);
            }
        }
    }

    private static string ModelName(ParameterDescriptor bound) => bound.BindingInfo?.BinderModelName ?? bound.Name;

    private static async Task ValidateAsync(IServiceProvider services, string prefix, object model, ModelStateDictionary modelState, CancellationToken ct)
    {
        if (services.GetService(typeof(IValidator<>).MakeGenericType(model.GetType())) is not IValidator validator)
        {
            return;
        }

        var result = await validator.ValidateAsync(new ValidationContext<object>(model), ct);
        foreach (var failure in result.Errors)
        {
            var key = string.IsNullOrEmpty(failure.PropertyName) ? prefix : $"{prefix}.{failure.PropertyName}";
            modelState.AddModelError(key, failure.ErrorMessage);
        }
    }
}
