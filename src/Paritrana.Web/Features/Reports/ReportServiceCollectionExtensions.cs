using Paritrana.Web.Features.Reports;
using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web;

public static class ReportServiceCollectionExtensions
{
    /// <summary>The PDF renderer, the report builders and the shortlist and plenary services (issue 6).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection("Reports"));
        services.AddSingleton<ChromiumPdf>();
        services.AddScoped<ShortlistQuery>();
        services.AddScoped<PlenaryDecisions>();
        services.AddScoped<DecisionSnapshots>();
        services.AddScoped<DecisionVersions>();
        services.AddScoped<ReportData>();
        services.AddScoped<ReportParts>();
        services.AddScoped<RazorHtml>();
        return services;
    }
}
