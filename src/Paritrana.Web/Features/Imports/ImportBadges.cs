using Paritrana.Domain.Imports;

namespace Paritrana.Web.Features.Imports;

/// <summary>CSS classes of the import status badges (apart from ImportNames, whose texts are resource keys).</summary>
public static class ImportBadges
{
    public static string For(ImportStatus status) => status switch
    {
        ImportStatus.Previewed => "text-bg-info",
        ImportStatus.Running => "text-bg-primary",
        ImportStatus.Completed => "text-bg-success",
        ImportStatus.Failed => "text-bg-danger",
        _ => "text-bg-secondary",
    };
}
