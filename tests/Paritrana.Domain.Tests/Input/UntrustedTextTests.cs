using System.Text;
using Paritrana.Domain.Input;

namespace Paritrana.Domain.Tests.Input;

public class UntrustedTextTests
{
    [Theory]
    [InlineData("Kota Denpasar", true)]
    [InlineData("baris satu\r\nbaris dua\tkolom", true)]          // tab, CR and LF are text
    [InlineData("Rp 1.000.000 — “dikutip” ü 😀", true)]           // any Unicode, a pair of surrogates included
    [InlineData("\u007f\u0085\ufffd", true)]                        // DEL, C1 and the replacement character: PostgreSQL keeps them
    [InlineData("a\0b", false)]                                     // NUL: PostgreSQL refuses it
    [InlineData("\u0001", false)]
    [InlineData("esc\u001b[31m", false)]
    [InlineData("\u000b\u000c", false)]                             // vertical tab, form feed
    [InlineData("lone {D800} high", false)]                        // written as {XXXX}: test data cannot carry lone surrogates
    [InlineData("lone {DC00} low", false)]
    [InlineData("reversed {DE00}{D83D}", false)]
    [InlineData("ends high {D83D}", false)]
    [InlineData("a pair {D83D}{DE00}", true)]
    public void Text_is_acceptable_unless_it_has_a_C0_control_or_a_lone_surrogate(string text, bool acceptable) =>
        UntrustedText.IsAcceptable(WithSurrogates(text)).ShouldBe(acceptable);

    private static string WithSurrogates(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "{([0-9A-F]{4})}", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    [Fact]
    public void The_refused_characters_can_be_taken_out_for_showing_the_form_again()
    {
        UntrustedText.WithoutRefused(WithSurrogates("a\0b\u0001c\r\nd{D800}e😀")).ShouldBe("abc\r\nde😀");
        UntrustedText.WithoutRefused("bersih").ShouldBe("bersih");
    }

    [Theory]
    [InlineData("q=%00", "q")]
    [InlineData("?q=abc%00def&p=2", "q")]
    [InlineData("a=1&b=%FF&c=%ED%A0%80&d=%C0%AF&e=ok&f=%E2%82&g=%F4%90%80%80", "b c d f g")] // stray, surrogate, overlong, cut short, above U+10FFFF
    [InlineData("%00=1&ok=1", "")]                                   // a refused name is reported as ""
    [InlineData("x=%01&x=2&y=%1F", "x y")]
    [InlineData("n=%c3", "n")]                                       // lower-case hex, sequence cut by the end
    [InlineData("n=%C3&m=%A9", "n m")]                               // cut by '&'; a continuation byte alone
    [InlineData("k%C3=%A9", "")]                                     // the sequence may not run from name into value
    public void Refused_fields_are_named(string query, string invalid)
    {
        var scanner = FormEncodedScanner.Check(query);

        scanner.HasInvalid.ShouldBeTrue();
        string.Join(' ', scanner.InvalidNames).ShouldBe(invalid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?")]
    [InlineData("q=Kota+Denpasar&p=2")]
    [InlineData("t=%09%0D%0A&u=%0a")]                                // tab, CR, LF
    [InlineData("e=%F0%9F%98%80&u=%C3%BC&z=%E2%80%94")]              // 😀 ü —
    [InlineData("p=100%&q=%zz&r=%4")]                                // a '%' without two hex digits stays a '%'
    [InlineData("a&&b=&=c")]
    [InlineData("d=%7F")]                                            // DEL is no C0 control
    public void Valid_text_passes(string query)
    {
        var scanner = FormEncodedScanner.Check(query);

        scanner.HasInvalid.ShouldBeFalse();
        scanner.InvalidNames.ShouldBeEmpty();
    }

    [Fact]
    public void Raw_bytes_are_checked_as_UTF_8_and_a_body_may_arrive_in_pieces_of_any_size()
    {
        byte[] body = [.. "nama=Ni+Luh+"u8.ToArray(), 0xC3, 0xBC, .. "&catatan=ok%E2%80"u8.ToArray(), .. "%94&alasan="u8.ToArray(), 0xED, 0xA0, 0x80, .. "&x=%0"u8.ToArray(), .. "0"u8.ToArray()];
        foreach (var size in new[] { 1, 2, 3, 7, body.Length })
        {
            var scanner = new FormEncodedScanner();
            foreach (var piece in body.Chunk(size))
            {
                scanner.Feed(piece);
            }

            scanner.Complete();
            string.Join(' ', scanner.InvalidNames).ShouldBe("alasan x", $"pieces of {size}");
        }
    }

    [Fact]
    public void At_most_64_names_are_kept_but_every_refusal_counts()
    {
        var query = string.Join('&', Enumerable.Range(0, 100).Select(i => $"f{i}=%00"));
        var scanner = FormEncodedScanner.Check(query);

        scanner.HasInvalid.ShouldBeTrue();
        scanner.InvalidNames.Count.ShouldBe(FormEncodedScanner.MaxNamesKept);
        scanner.InvalidNames[^1].ShouldBe("f63");
        Encoding.UTF8.GetByteCount(scanner.InvalidNames[0]).ShouldBe(2);
    }
}
