using System.Text;
using Paritrana.Domain.Imports;

namespace Paritrana.Domain.Tests.Imports;

public class CsvRecordReaderTests
{
    private static List<(int Line, string[] Cells, bool Unterminated)> ReadAll(string text, char? delimiter = null, int bufferSize = 16)
    {
        var reader = new CsvRecordReader(new StringReader(text), bufferSize);
        reader.SkipByteOrderMark();
        if (delimiter is { } d)
        {
            reader.Delimiter = d;
        }
        else
        {
            reader.DetectDelimiter();
        }

        var records = new List<(int, string[], bool)>();
        var cells = new List<string>();
        while (reader.Read(cells, out var line, out var unterminated))
        {
            records.Add((line, cells.ToArray(), unterminated));
        }

        return records;
    }

    [Fact]
    public void Plain_records_are_split_on_the_delimiter_with_their_line_numbers()
    {
        var records = ReadAll("a,b,c\n1,2,3\n4,,6\n");

        records.Select(r => r.Line).ShouldBe([1, 2, 3]);
        records.Select(r => r.Cells).ShouldBe([["a", "b", "c"], ["1", "2", "3"], ["4", "", "6"]]);
    }

    [Fact]
    public void The_last_record_needs_no_line_break()
    {
        ReadAll("a,b\n1,2").Select(r => r.Cells).ShouldBe([["a", "b"], ["1", "2"]]);
    }

    [Fact]
    public void Quoted_fields_keep_delimiters_doubled_quotes_and_line_breaks()
    {
        var records = ReadAll("npp,nama\n\"1\",\"PT \"\"Maju\"\", Jaya\"\n2,\"Baris\nkedua\"\n3,x\n");

        records.Select(r => r.Cells).ShouldBe([["npp", "nama"], ["1", "PT \"Maju\", Jaya"], ["2", "Baris\nkedua"], ["3", "x"]]);
        // The record with a line break inside quotes starts on line 3 and the next one on line 5.
        records.Select(r => r.Line).ShouldBe([1, 2, 3, 5]);
    }

    [Fact]
    public void Crlf_lone_cr_and_lf_all_end_a_line_once()
    {
        var records = ReadAll("a,b\r\n1,2\r3,4\n5,6\r\n");

        records.Select(r => r.Cells).ShouldBe([["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]]);
        records.Select(r => r.Line).ShouldBe([1, 2, 3, 4]);
    }

    [Fact]
    public void A_crlf_split_across_two_buffer_fills_counts_once()
    {
        // Buffer of 16 characters: the CR is the 16th, the LF the first of the next fill.
        var text = "aaaaaaa,bbbbbbb\r\nc,d\r\ne,f";
        var records = ReadAll(text, bufferSize: 16);

        records.Select(r => r.Line).ShouldBe([1, 2, 3]);
        records.Select(r => r.Cells).ShouldBe([["aaaaaaa", "bbbbbbb"], ["c", "d"], ["e", "f"]]);
    }

    [Fact]
    public void An_empty_line_is_a_record_of_one_empty_cell()
    {
        ReadAll("a,b\n\n1,2\n").Select(r => (r.Line, r.Cells.Length)).ShouldBe([(1, 2), (2, 1), (3, 2)]);
    }

    [Theory]
    [InlineData("npp,nama,kode_wilayah\n", ',')]
    [InlineData("npp;nama;kode_wilayah\n", ';')]
    [InlineData("\"a,b\";c;d\n", ';')]       // commas inside quotes do not count
    [InlineData("npp\n1;2,3;4\n", ',')]      // only the first line decides; none means comma
    [InlineData("a;b,c\n", ',')]             // a tie means comma
    public void The_delimiter_is_detected_from_the_first_line(string text, char expected)
    {
        var reader = new CsvRecordReader(new StringReader(text));
        reader.DetectDelimiter().ShouldBe(expected);
        reader.Delimiter.ShouldBe(expected);
    }

    [Fact]
    public void Semicolon_files_keep_commas_as_data()
    {
        ReadAll("npp;program\n1;JKK,JKM\n").Select(r => r.Cells).ShouldBe([["npp", "program"], ["1", "JKK,JKM"]]);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        ReadAll("\uFEFFnpp,nama\n1,x\n")[0].Cells.ShouldBe(["npp", "nama"]);
    }

    [Fact]
    public void An_unterminated_quote_takes_the_rest_of_the_input_and_says_so()
    {
        var records = ReadAll("a,b\n1,\"open\n2,3\n");

        records.Count.ShouldBe(2);
        records[1].Line.ShouldBe(2);
        records[1].Cells.ShouldBe(["1", "open\n2,3\n"]);
        records[1].Unterminated.ShouldBeTrue();
        records[0].Unterminated.ShouldBeFalse();
    }

    [Fact]
    public void Text_after_a_closing_quote_is_kept()
    {
        ReadAll("a,b\n\"PT\" Maju,2\n")[1].Cells.ShouldBe(["PT Maju", "2"]);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_data()
    {
        ReadAll("a,b\nPT 5\" Pipa,2\n")[1].Cells.ShouldBe(["PT 5\" Pipa", "2"]);
    }

    [Fact]
    public void A_nul_character_makes_the_file_not_a_text_file()
    {
        var e = Should.Throw<ImportFileException>(() => ReadAll("a,b\n1,\0\n"));
        e.Error.Code.ShouldBe(ImportErrorCode.NotText);
        e.Error.Message.ShouldBe("Berkas ini bukan berkas teks CSV (UTF-8).");
    }

    [Fact]
    public void Bytes_that_are_not_utf8_make_the_file_not_a_text_file()
    {
        // "Café" in Windows-1252: the lone 0xE9 is not UTF-8.
        var bytes = Encoding.ASCII.GetBytes("a,b\nCaf").Concat(new byte[] { 0xE9 }).Concat(Encoding.ASCII.GetBytes(",1\n")).ToArray();
        using var text = new StreamReader(new MemoryStream(bytes), CsvRecordReader.StrictUtf8, false);
        var reader = new CsvRecordReader(text);
        var cells = new List<string>();

        Should.Throw<ImportFileException>(() =>
        {
            while (reader.Read(cells, out _, out _))
            {
            }
        }).Error.Code.ShouldBe(ImportErrorCode.NotText);
    }
}
