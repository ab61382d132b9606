using System.Globalization;
using AngleSharp.Html.Dom;

namespace Paritrana.Web.Tests.Work;

/// <summary>A line of the home page's work list, as shown.</summary>
public sealed record ShownLine(string Group, string Id, int Count, string Text, string? Detail, string Href, bool Late);

public static class WorkLines
{
    public static IReadOnlyList<ShownLine> Of(IHtmlDocument home) =>
        home.QuerySelectorAll("[data-testid=work] ul.list-group").SelectMany(list =>
        {
            var group = list.GetAttribute("aria-labelledby")!["work-".Length..];
            return list.QuerySelectorAll("[data-testid=work-line]").Select(line => new ShownLine(
                group,
                line.GetAttribute("data-id")!,
                int.Parse(PortalClient.Text(line.QuerySelector("[data-testid=work-count]")).Replace(".", ""), CultureInfo.InvariantCulture),
                PortalClient.Text(line.QuerySelector("[data-testid=work-link]")),
                line.QuerySelector("[data-testid=work-detail]") is { } d ? PortalClient.Text(d) : null,
                line.QuerySelector("[data-testid=work-link]")!.GetAttribute("href")!,
                line.QuerySelector(".text-bg-danger") is not null));
        }).ToList();
}
