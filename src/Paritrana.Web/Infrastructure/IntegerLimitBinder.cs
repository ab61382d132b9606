using System.Numerics;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Whole-number fields (int, long and their nullable forms): a number too large (or too small) for
/// the field is answered with its limit ("Jumlah pekerja paling banyak 2.147.483.647.") instead of
/// "Nilai '99999999999' tidak valid ...". Anything else is bound exactly as before.
/// </summary>
public sealed class IntegerLimitBinderProvider(IStringLocalizer l) : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        (BigInteger Min, BigInteger Max)? limits =
            type == typeof(int) ? (int.MinValue, int.MaxValue)
            : type == typeof(long) ? (long.MinValue, long.MaxValue)
            : null;
        if (limits is not { } range)
        {
            return null;
        }

        var inner = new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>());
        return new IntegerLimitBinder(inner, range.Min, range.Max, l);
    }
}

public sealed class IntegerLimitBinder(IModelBinder inner, BigInteger min, BigInteger max, IStringLocalizer l) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result.IsModelSet)
        {
            return;
        }

        var typed = bindingContext.ValueProvider.GetValue(bindingContext.ModelName).FirstValue?.Trim();
        if (typed is null || !BigInteger.TryParse(typed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || (number >= min && number <= max))
        {
            return;
        }

        var field = bindingContext.ModelMetadata.GetDisplayName();
        var message = number > max
            ? l["{0} paling banyak {1}.", field, ((long)max).ToString("N0")]
            : l["{0} paling sedikit {1}.", field, ((long)min).ToString("N0")];
        if (bindingContext.ModelState.TryGetValue(bindingContext.ModelName, out var entry))
        {
            entry.Errors.Clear();
        }

        bindingContext.ModelState.AddModelError(bindingContext.ModelName, message);
    }
}
