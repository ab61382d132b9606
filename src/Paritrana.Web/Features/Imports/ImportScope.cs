using Paritrana.Domain.Access;
using Paritrana.Domain.Organisations;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// Who sees which import batches: the administrator all of them, a branch officer those checked
/// against their branch's area (by any officer of that branch); nobody else any.
/// </summary>
public static class ImportScope
{
    public static IQueryable<ImportBatch> InScope(this IQueryable<ImportBatch> query, AccessScope scope)
    {
        if (scope.IsNational)
        {
            return query;
        }

        if (scope.BranchOfficeId is int branch)
        {
            return query.Where(b => b.BranchOfficeId == branch);
        }

        return query.Where(_ => false);
    }

    /// <summary>May this scope import at all: an administrator, or an officer with a branch.</summary>
    public static bool CanImport(AccessScope scope) => scope.IsNational || scope.BranchOfficeId is not null;
}
