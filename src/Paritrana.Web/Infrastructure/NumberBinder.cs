using System.Numerics;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Paritrana.Domain.Input;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Number fields (int, long, decimal and their nullable forms) read in the format of the culture the
/// form was shown in (docs/decisions/040): "1.027.000" and "39,41" in Indonesian, "1,027,000" and
/// "39.41" in English; thousands separators only between groups of three, so that "39,41" in English
/// is an error beside the field rather than 3941. Query strings and routes are read invariant (plain
/// digits). A whole number too large (or too small) for its field is answered with its limit
/// ("Jumlah pekerja paling banyak 2.147.483.647.") instead of "Nilai '99999999999' tidak valid ...".
/// </summary>
public sealed class NumberBinderProvider(IStringLocalizer l) : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        (BigInteger Min, BigInteger Max)? limits =
            type == typeof(int) ? (int.MinValue, int.MaxValue)
            : type == typeof(long) ? (long.MinValue, long.MaxValue)
            : null;
        if (limits is null && type != typeof(decimal))
        {
            return null;
        }

        var inner = new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>());
        return new NumberBinder(inner, type, limits, l);
    }
}

public sealed class NumberBinder(IModelBinder inner, Type type, (BigInteger Min, BigInteger Max)? limits, IStringLocalizer l) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        var typed = result.FirstValue;
        if (string.IsNullOrWhiteSpace(typed))
        {
            // Nothing typed: the default binder says what that means (null, or "wajib diisi").
            await inner.BindModelAsync(bindingContext);
            return;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        // A form's field is read in the culture the form was shown in (the request's); an id in a
        // query string or route is plain digits. (The value provider's culture cannot tell: it is not
        // always the request's.)
        var request = bindingContext.HttpContext.Request;
        var typedInForm = request.HasFormContentType && request.Form.ContainsKey(bindingContext.ModelName);
        var invariant = !typedInForm;
        var format = typedInForm ? CultureInfo.CurrentCulture.NumberFormat : CultureInfo.InvariantCulture.NumberFormat;
        var whole = limits is not null;
        if (!NumberText.TryParse(typed, format, groups: !invariant, fraction: !whole, out var number))
        {
            var field = bindingContext.ModelMetadata.GetDisplayName();
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(typed, field));
            return;
        }

        if (limits is { } range && ((BigInteger)number < range.Min || (BigInteger)number > range.Max))
        {
            var field = bindingContext.ModelMetadata.GetDisplayName();
            var message = (BigInteger)number > range.Max
                ? l["{0} paling banyak {1}.", field, Formats.Number((long)range.Max)]
                : l["{0} paling sedikit {1}.", field, Formats.Number((long)range.Min)];
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, message);
            return;
        }

        object value = number;
        if (type == typeof(int))
        {
            value = (int)number;
        }
        else if (type == typeof(long))
        {
            value = (long)number;
        }

        bindingContext.Result = ModelBindingResult.Success(value);
    }
}
