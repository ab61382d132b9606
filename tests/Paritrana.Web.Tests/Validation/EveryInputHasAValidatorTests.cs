using System.ComponentModel;
using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Tests.Validation;

/// <summary>
/// Validation cannot be forgotten (docs/decisions/019): every input a page binds for its POST
/// handlers (a [BindProperty] property or a handler argument of a complex type) has a validator in
/// DI, which InputValidationFilter runs, or is named below with why it needs none. A new input
/// model with neither fails here with its name.
/// </summary>
public class EveryInputHasAValidatorTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    /// <summary>Inputs that need no validator of their own, each with the reason.</summary>
    private static readonly Dictionary<Type, string> NeedNoValidator = new()
    {
        // Checked against the account store by Identity (wrong e-mail or password: one message for both).
        [typeof(Pages.Account.LoginModel.InputModel)] = "the sign-in is the check",
        // Scores and notes per indicator, checked by the scoring domain (ScorecardService) against the
        // round's criteria, which only the handler has loaded; the messages go beside each indicator.
        [typeof(Pages.Scoring.CardModel.InputModel)] = "checked by the scoring domain against the loaded criteria",
        // One choice of nomination and scorer, or of category and scorers: the assignment service
        // checks each against the round (in scope, not conflicted) and says why it refuses.
        [typeof(Pages.Scoring.Rounds.AssignmentsModel.OneInput)] = "ids checked by AssignmentService against the round",
        [typeof(Pages.Scoring.Rounds.AssignmentsModel.CategoryInput)] = "ids checked by AssignmentService against the round",
    };

    [Fact]
    public void Every_input_bound_for_a_POST_handler_has_a_registered_validator_or_a_reason_to_need_none()
    {
        var services = portal.Factory.Services.GetRequiredService<IServiceProviderIsService>();
        var inputs = BoundInputs().ToList();
        inputs.Count.ShouldBeGreaterThan(30); // the reflection finds the portal's forms, not nothing

        var missing = inputs
            .Where(i => !NeedNoValidator.ContainsKey(i.Type) && !services.IsService(typeof(IValidator<>).MakeGenericType(i.Type)))
            .Select(i => $"{i.Page.Name}.{i.Name}: {i.Type.FullName}")
            .Distinct()
            .ToList();
        missing.ShouldBeEmpty("Each needs a validator (AbstractValidator<T> in the web assembly) or an entry with its reason in NeedNoValidator.");

        // The allow-list lists only inputs that exist and still have no validator.
        NeedNoValidator.Keys.Where(t => services.IsService(typeof(IValidator<>).MakeGenericType(t)) || inputs.All(i => i.Type != t))
            .Select(t => t.FullName).ShouldBeEmpty();
    }

    [Fact]
    public void ValidateOnly_names_bound_properties_of_its_page()
    {
        var wrong = PageModels()
            .SelectMany(page => PostHandlers(page).Select(h => (Page: page, Handler: h, Attribute: h.GetCustomAttribute<ValidateOnlyAttribute>())))
            .Where(x => x.Attribute is not null)
            .SelectMany(x => x.Attribute!.Properties
                .Where(name => x.Page.GetProperty(name)?.GetCustomAttribute<BindPropertyAttribute>() is null)
                .Select(name => $"{x.Page.Name}.{x.Handler.Name}: {name}"))
            .ToList();
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void The_reflection_sees_bound_properties_and_handler_arguments()
    {
        // Worked out from the pages: the figures form and its three list forms, the visit record form.
        var inputs = BoundInputs().ToList();
        inputs.Where(i => i.Page == typeof(Pages.Nominations.EditModel)).Select(i => i.Name).Distinct().Order(StringComparer.Ordinal)
            .ShouldBe(["Budget", "Innovation", "Input", "Regulation"]);
        inputs.Where(i => i.Page == typeof(Pages.FieldWork.Visits.RecordModel)).Select(i => i.Type).Distinct()
            .ShouldBe([typeof(Pages.FieldWork.Visits.RecordModel.InputModel)]);
    }

    private sealed record BoundInput(Type Page, string Name, Type Type);

    private static IEnumerable<BoundInput> BoundInputs()
    {
        foreach (var page in PageModels())
        {
            var bindsAll = page.GetCustomAttribute<BindPropertiesAttribute>() is not null;
            foreach (var property in page.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if ((bindsAll || property.GetCustomAttribute<BindPropertyAttribute>() is not null) && IsComplex(property.PropertyType))
                {
                    yield return new BoundInput(page, property.Name, property.PropertyType);
                }
            }

            foreach (var handler in PostHandlers(page))
            {
                foreach (var parameter in handler.GetParameters().Where(p => IsComplex(p.ParameterType)))
                {
                    yield return new BoundInput(page, $"{handler.Name}({parameter.Name})", parameter.ParameterType);
                }
            }
        }
    }

    private static IEnumerable<Type> PageModels() =>
        typeof(SharedResource).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract);

    private static IEnumerable<MethodInfo> PostHandlers(Type page) =>
        page.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal) && m.DeclaringType != typeof(PageModel));

    /// <summary>MVC's own test: a type a string converts to is bound as one value, not as a model.</summary>
    private static bool IsComplex(Type type)
    {
        if (type == typeof(CancellationToken) || typeof(Microsoft.AspNetCore.Http.IFormFile).IsAssignableFrom(type))
        {
            return false;
        }

        var element = type != typeof(string) && type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
            ? type.GetGenericArguments()[^1]
            : type;
        return !TypeDescriptor.GetConverter(element).CanConvertFrom(typeof(string));
    }
}
