using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Yes/no fields (bool, bool?): a value other than "true" or "false" (a forged "IsActive=abc") is an
/// error beside its field ("Nilai 'abc' tidak valid untuk Aktif."). The default binder kept "abc" as
/// the field's attempted value, and the checkbox tag helper threw on it when the form was shown
/// again (a 500); here the field is shown again from its model value.
/// </summary>
public sealed class BooleanBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        (Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType) == typeof(bool)
            ? new BooleanBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
}

public sealed class BooleanBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        var typed = result.FirstValue;
        if (string.IsNullOrWhiteSpace(typed) || bool.TryParse(typed.Trim(), out _))
        {
            await inner.BindModelAsync(bindingContext);
            return;
        }

        // No raw value: the form is shown again with the field's own value, not with "abc".
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: null, attemptedValue: typed);
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
            bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(typed, bindingContext.ModelMetadata.GetDisplayName()));
    }
}
