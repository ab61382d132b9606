using Microsoft.Extensions.Options;

namespace Paritrana.Web.Infrastructure;

/// <summary>Model-binding messages ("the value is not valid") in the user's language.</summary>
public sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var p = options.ModelBindingMessageProvider;
        p.SetAttemptedValueIsInvalidAccessor((value, field) => l["Nilai '{0}' tidak valid untuk {1}.", value, field]);
        p.SetMissingBindRequiredValueAccessor(field => l["{0} wajib diisi.", field]);
        p.SetMissingKeyOrValueAccessor(() => l["Nilai wajib diisi."]);
        p.SetMissingRequestBodyRequiredValueAccessor(() => l["Isi permintaan wajib ada."]);
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Nilai '{0}' tidak valid.", value]);
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Nilai yang diberikan tidak valid."]);
        p.SetNonPropertyValueMustBeANumberAccessor(() => l["Isian harus berupa angka."]);
        p.SetUnknownValueIsInvalidAccessor(field => l["Nilai untuk {0} tidak valid.", field]);
        p.SetValueIsInvalidAccessor(value => l["Nilai '{0}' tidak valid.", value]);
        p.SetValueMustBeANumberAccessor(field => l["{0} harus berupa angka.", field]);
        p.SetValueMustNotBeNullAccessor(value => l["{0} wajib diisi.", value]);

        // Numbers in the format of the form's culture; a whole number too large for its field: the limit (docs/decisions/040).
        options.ModelBinderProviders.Insert(0, new NumberBinderProvider(l));
        // A yes/no field with another value: an error beside the field, not a 500 when the form is shown again.
        options.ModelBinderProviders.Insert(0, new BooleanBinderProvider());
    }
}
