using System.Text;
using Paritrana.Domain.FieldWork;

namespace Paritrana.Domain.Tests.FieldWork;

/// <summary>
/// PDFs that act when opened are refused, however their names are written and wherever the objects
/// are kept; ordinary PDFs (and bytes that only look like such names inside data) are accepted.
/// Each file is a complete PDF written by <see cref="PdfBuilder"/>.
/// </summary>
public class PdfInspectorTests
{
    private static FileInspection Inspect(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        var result = FileSignature.Inspect(stream);
        stream.Position.ShouldBe(0);
        return result;
    }

    private static ContentRefusal? RefusalOf(byte[] pdf)
    {
        var result = Inspect(pdf);
        result.Kind.ShouldBe(FileKind.Pdf);
        return result.Refusal;
    }

    [Fact]
    public void An_ordinary_pdf_with_compressed_page_content_is_accepted()
    {
        var result = Inspect(new PdfBuilder().Build());

        result.ShouldBe(FileInspection.Accepted(FileKind.Pdf));
        result.IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public void An_open_action_that_runs_javascript_is_refused()
    {
        var pdf = new PdfBuilder();
        var action = pdf.Add("<< /S /JavaScript /JS (app.alert\\(1\\)) >>");
        RefusalOf(pdf.Catalog($"/OpenAction {action} 0 R").Build()).ShouldBe(ContentRefusal.PdfJavaScript);

        // Written inline in the catalog, as in the issue.
        RefusalOf(new PdfBuilder().Catalog("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>").Build()).ShouldBe(ContentRefusal.PdfJavaScript);
    }

    [Theory]
    [InlineData("/S /J#61vaScript /J#53 (app.alert(1))")]         // #61 = a, #53 = S
    [InlineData("/S /#4A#61#76#61#53#63#72#69#70#74 /JS (x)")]    // every letter escaped
    [InlineData("/S /J#61vaScrip#74")]                            // the escape at the very end
    [InlineData("/JS (app.alert(1))")]                            // no action type at all: /JS alone
    [InlineData("/S/JavaScript/JS(x)")]                           // no white space between tokens
    public void Escaped_or_bare_javascript_names_are_refused_too(string action) =>
        RefusalOf(new PdfBuilder().Catalog($"/OpenAction << {action} >>").Build()).ShouldBe(ContentRefusal.PdfJavaScript);

    [Fact]
    public void A_launch_action_is_refused()
    {
        var pdf = new PdfBuilder();
        var launch = pdf.Add("<< /S /L#61unch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>");
        RefusalOf(pdf.Catalog($"/OpenAction {launch} 0 R").Build()).ShouldBe(ContentRefusal.PdfLaunch);
    }

    [Fact]
    public void An_embedded_file_is_refused_whether_listed_in_the_name_tree_or_attached_to_a_page()
    {
        var listed = new PdfBuilder();
        var payload = listed.AddStream("<< /Type /EmbeddedFile >>", "MZ\x90\0"u8.ToArray());
        var spec = listed.Add($"<< /Type /Filespec /F (setup.exe) /EF << /F {payload} 0 R >> >>");
        RefusalOf(listed.Catalog($"/Names << /EmbeddedFiles << /Names [(setup.exe) {spec} 0 R] >> >>").Build())
            .ShouldBe(ContentRefusal.PdfEmbeddedFile);

        // A file attachment annotation whose stream leaves out the optional /Type: the /EF entry gives it away.
        var attached = new PdfBuilder();
        var data = attached.AddStream("<< >>", "hidden"u8.ToArray());
        var file = attached.Add($"<< /Type /Filespec /F (a.txt) /EF << /F {data} 0 R >> >>");
        attached.Add($"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS {file} 0 R >>");
        RefusalOf(attached.Build()).ShouldBe(ContentRefusal.PdfEmbeddedFile);
    }

    [Fact]
    public void Javascript_compressed_in_an_object_stream_is_found_by_inflating_it()
    {
        var pdf = new PdfBuilder();
        var action = pdf.Add("<< /S /J#61vaScript /JS (app.alert(1)) >>", compressed: true);
        var bytes = pdf.Catalog($"/OpenAction {action} 0 R").Build();

        // Nothing of it shows in the file's own bytes.
        Encoding.Latin1.GetString(bytes).ShouldNotContain("J#61vaScript");
        Encoding.Latin1.GetString(bytes).ShouldNotContain("app.alert");
        RefusalOf(bytes).ShouldBe(ContentRefusal.PdfJavaScript);
    }

    [Fact]
    public void Short_names_count_inside_an_object_stream_too()
    {
        var pdf = new PdfBuilder();
        var spec = pdf.Add("<< /Type /Filespec /F (a.txt) /EF << /F 1 0 R >> >>", compressed: true);
        RefusalOf(pdf.Catalog($"/AF [{spec} 0 R]").Build()).ShouldBe(ContentRefusal.PdfEmbeddedFile);
    }

    [Fact]
    public void An_ordinary_object_stream_is_accepted()
    {
        var pdf = new PdfBuilder();
        pdf.Add("<< /Title (Laporan) /Producer (Paritrana) >>", compressed: true);
        pdf.Add("<< /Type /Metadata /Note (no action here) >>", compressed: true);
        RefusalOf(pdf.Build()).ShouldBeNull();
    }

    [Theory]
    [InlineData("/Filter /ASCII85Decode")]
    [InlineData("/Filter [/FlateDecode /LZWDecode]")]
    [InlineData("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>")]
    [InlineData("/Filter 9 0 R")]
    public void An_object_stream_compressed_in_a_way_not_inflated_here_cannot_be_checked(string dictionary)
    {
        var pdf = new PdfBuilder();
        pdf.Add("<< /Title (Laporan) >>", compressed: true);
        RefusalOf(pdf.Build(dictionary)).ShouldBe(ContentRefusal.PdfUncheckable);
    }

    [Fact]
    public void An_object_stream_that_does_not_inflate_cannot_be_checked()
    {
        // What an encrypted or damaged stream looks like: bytes that are not zlib data.
        var pdf = new PdfBuilder();
        pdf.Add("<< /Title (Laporan) >>", compressed: true);
        RefusalOf(pdf.Build(encodeObjectStream: raw => [.. raw.Select(b => (byte)(b ^ 0x5A))])).ShouldBe(ContentRefusal.PdfUncheckable);
    }

    [Fact]
    public void An_uncompressed_object_stream_is_read_as_it_is()
    {
        var clean = new PdfBuilder();
        clean.Add("<< /Title (Laporan) >>", compressed: true);
        RefusalOf(clean.Build("", raw => raw)).ShouldBeNull();

        var active = new PdfBuilder();
        active.Add("<< /JS (app.alert(1)) >>", compressed: true);
        RefusalOf(active.Build("", raw => raw)).ShouldBe(ContentRefusal.PdfJavaScript);
    }

    [Fact]
    public void Short_names_in_data_and_in_text_are_not_mistaken_for_actions()
    {
        var pdf = new PdfBuilder();
        // An image whose raw bytes happen to read "/JS " and "/EF>", and a title that mentions /JS.
        pdf.AddStream("<< /Type /XObject /Subtype /Image /Width 4 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 >>", "/JS /EF>"u8.ToArray());
        pdf.Add("<< /Title (Tentang /JS dan /EF) >>");
        pdf.Add("% a comment about /JS\n<< /Subject (ok) >>");
        RefusalOf(pdf.Build()).ShouldBeNull();
    }

    [Fact]
    public void Long_names_are_found_even_inside_stream_data_and_strings()
    {
        var inData = new PdfBuilder();
        inData.AddStream("<< >>", "<< /S /JavaScript /JS (x) >>"u8.ToArray());
        RefusalOf(inData.Build()).ShouldBe(ContentRefusal.PdfJavaScript);

        RefusalOf(new PdfBuilder().Catalog("/Lang (/Launch)").Build()).ShouldBe(ContentRefusal.PdfLaunch);
    }

    [Fact]
    public void An_escaped_parenthesis_inside_a_name_in_a_string_does_not_hide_what_follows()
    {
        // A reader ends the string at the second ")": "\(" is an escaped parenthesis, not a nested one.
        RefusalOf(new PdfBuilder().Catalog("/Lang (/x\\() /OpenAction << /JS (app.alert(1)) >>").Build()).ShouldBe(ContentRefusal.PdfJavaScript);
    }

    [Fact]
    public void A_name_split_across_two_reads_is_still_found()
    {
        // The scanner reads 64 KB at a time: put "/JavaScript" across the boundary at 65,536.
        var prefix = Encoding.Latin1.GetBytes("%PDF-1.5\n%");
        var padding = new byte[65_536 - prefix.Length - 11];
        Array.Fill(padding, (byte)'a');
        byte[] bytes = [.. prefix, .. padding, .. "\n<< /S /JavaScript >>\n%%EOF\n"u8.ToArray()];
        Encoding.Latin1.GetString(bytes).IndexOf("/JavaScript", StringComparison.Ordinal).ShouldBe(65_536 - 4);

        RefusalOf(bytes).ShouldBe(ContentRefusal.PdfJavaScript);
    }
}
