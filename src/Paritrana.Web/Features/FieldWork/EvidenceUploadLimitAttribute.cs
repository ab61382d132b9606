using Microsoft.Extensions.Options;
using Paritrana.Web.Infrastructure.Uploads;

namespace Paritrana.Web.Features.FieldWork;

/// <summary>The evidence upload page: files up to <see cref="EvidenceOptions.MaxFileBytes"/> (Evidence:MaxFileBytes).</summary>
public sealed class EvidenceUploadLimitAttribute : UploadLimitAttribute
{
    protected override long MaxFileBytes(IServiceProvider services) => services.GetRequiredService<IOptions<EvidenceOptions>>().Value.MaxFileBytes;
}
