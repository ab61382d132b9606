using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Admin.Users;

/// <summary>The account form and its validator.</summary>
public partial class EditModel
{
    public sealed class InputModel : AccountFields, IAccountInput
    {
        [BindNever]
        public Guid? AccountId { get; set; }

        /// <summary>The account's stamp when the form was shown: a different one means someone else saved meanwhile.</summary>
        public string? ConcurrencyStamp { get; set; }
    }

    public sealed class Validator : FactsValidator<InputModel>
    {
        private readonly RequestIds ids;

        public Validator(IStringLocalizer<SharedResource> l, ParitranaDbContext db, ILookupNormalizer normalizer, RequestIds ids)
        {
            this.ids = ids;
            Include(new AccountRules(l, db, normalizer));
        }

        /// <summary>The account being edited (the query's id), left out of the check that the e-mail address is free.</summary>
        protected override Task<bool> ReadFactsAsync(InputModel input, CancellationToken ct)
        {
            input.AccountId = ids.Uuid("id");
            return Task.FromResult(input.AccountId is not null);
        }
    }
}
