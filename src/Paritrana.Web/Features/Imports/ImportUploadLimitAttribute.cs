using Microsoft.Extensions.Options;
using Paritrana.Web.Infrastructure.Uploads;

namespace Paritrana.Web.Features.Imports;

/// <summary>The import page's upload: files up to <see cref="ImportOptions.MaxFileBytes"/> (Imports:MaxFileBytes).</summary>
public sealed class ImportUploadLimitAttribute : UploadLimitAttribute
{
    protected override long MaxFileBytes(IServiceProvider services) => services.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes;
}
