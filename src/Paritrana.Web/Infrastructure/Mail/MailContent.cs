using System.Net;
using System.Text;

namespace Paritrana.Web.Infrastructure.Mail;

/// <summary>
/// What a mail says, already in the recipient's language: a greeting, paragraphs, at most one
/// button-like link, and a closing line. <see cref="Text"/> and <see cref="Html"/> render the same
/// content, so both parts always agree.
/// </summary>
public sealed record MailContent(string Subject, string Greeting, IReadOnlyList<string> Paragraphs, string? LinkText, string? LinkUrl, string Closing)
{
    public string Text()
    {
        var text = new StringBuilder().Append(Greeting).Append("\r\n\r\n");
        foreach (var paragraph in Paragraphs)
        {
            text.Append(paragraph).Append("\r\n\r\n");
        }

        if (LinkUrl is not null)
        {
            text.Append(LinkText).Append(":\r\n").Append(LinkUrl).Append("\r\n\r\n");
        }

        return text.Append(Closing).Append("\r\n").ToString();
    }

    public string Html(string language)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(language).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(Subject)).Append("</title></head><body style=\"font-family:sans-serif;line-height:1.5;color:#212529\">")
            .Append("<p>").Append(WebUtility.HtmlEncode(Greeting)).Append("</p>");
        foreach (var paragraph in Paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        if (LinkUrl is not null)
        {
            var href = WebUtility.HtmlEncode(LinkUrl);
            html.Append("<p><a href=\"").Append(href).Append("\" style=\"display:inline-block;padding:.5em 1em;background:#0d6efd;color:#fff;text-decoration:none;border-radius:.25em\">")
                .Append(WebUtility.HtmlEncode(LinkText)).Append("</a></p>")
                .Append("<p style=\"font-size:.875em;color:#6c757d\">").Append(href).Append("</p>");
        }

        return html.Append("<p>").Append(WebUtility.HtmlEncode(Closing)).Append("</p></body></html>").ToString();
    }
}
