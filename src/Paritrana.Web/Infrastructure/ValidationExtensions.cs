using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Runs a page's FluentValidation validator and copies its failures into ModelState under the
/// input model's prefix, so that the tag helpers show each message beside its field.
/// </summary>
public static class ValidationExtensions
{
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T input, ModelStateDictionary modelState, string prefix = "Input", CancellationToken ct = default)
    {
        var result = await validator.ValidateAsync(input, ct);
        foreach (var failure in result.Errors)
        {
            var key = string.IsNullOrEmpty(failure.PropertyName) ? prefix : $"{prefix}.{failure.PropertyName}";
            modelState.AddModelError(key, failure.ErrorMessage);
        }

        return result.IsValid && modelState.IsValid;
    }

    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string key = "")
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(key, error.Description);
        }
    }
}
