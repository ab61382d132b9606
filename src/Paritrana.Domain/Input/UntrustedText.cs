using System.Buffers;
using System.Text;

namespace Paritrana.Domain.Input;

/// <summary>
/// What text the portal accepts from outside (query strings, form fields, paths): any Unicode text
/// except C0 control characters other than tab, carriage return and line feed (NUL among them, which
/// PostgreSQL refuses in text), and except lone surrogates (which no UTF-8 encoder can write). Bytes
/// that are not valid UTF-8 (a stray %FF, an encoded surrogate %ED%A0%80, an overlong %C0%AF) are
/// refused by <see cref="FormEncodedScanner"/> before any decoder turns them into something else.
/// </summary>
public static class UntrustedText
{
    /// <summary>True when <paramref name="text"/> has no refused character.</summary>
    public static bool IsAcceptable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\r' or '\n'))
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text without its refused characters (to show a form back to its author).</summary>
    public static string WithoutRefused(string text)
    {
        if (IsAcceptable(text))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (c >= ' ' || c is '\t' or '\r' or '\n'))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}

/// <summary>
/// Checks <c>application/x-www-form-urlencoded</c> text (a query string or a form body) as it
/// arrives, chunk by chunk, in constant memory: every key and value, once its percent-escapes and
/// '+' are decoded, must be valid UTF-8 with no refused character (<see cref="UntrustedText"/>).
/// The names of the fields found wrong are kept (at most <see cref="MaxNamesKept"/>); a field whose
/// name itself is wrong is reported as "". With <c>keepPairs</c> it also keeps the decoded fields
/// (<see cref="Pairs"/>, invalid UTF-8 as U+FFFD, control characters as they are), within the
/// limits of ASP.NET Core's own form reader: 1,024 fields, names of 2 KB, values of 4 MB
/// (<see cref="InvalidDataException"/> past them).
/// </summary>
public sealed class FormEncodedScanner(bool keepPairs = false)
{
    public const int MaxNamesKept = 64;
    public const int MaxPairs = 1024;
    public const int MaxNameBytes = 2048;
    public const int MaxValueBytes = 4 * 1024 * 1024;

    private readonly List<string> _invalid = [];
    private readonly List<KeyValuePair<string, string>> _pairs = [];
    private readonly byte[] _name = new byte[MaxNameBytes];
    private int _nameLength;
    private readonly ArrayBufferWriter<byte> _value = new();
    private bool _inValue;
    private bool _keyInvalid;
    private bool _pairInvalid;
    private int _percent;        // 0: none, 1: after '%', 2: after '%' and one hex digit
    private byte _firstHex;
    private readonly Utf8Validator _utf8 = new();

    /// <summary>The names of the fields with refused text, in order of appearance ("" for a refused name).</summary>
    public IReadOnlyList<string> InvalidNames => _invalid;

    /// <summary>True once any field has refused text (even past <see cref="MaxNamesKept"/>).</summary>
    public bool HasInvalid { get; private set; }

    /// <summary>The decoded fields, in order (only with <c>keepPairs</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public void Feed(ReadOnlySpan<byte> raw)
    {
        foreach (var b in raw)
        {
            switch (_percent)
            {
                case 1:
                    if (IsHex(b))
                    {
                        (_firstHex, _percent) = (b, 2);
                        continue;
                    }

                    // "%" not followed by two hex digits stays a literal "%", as the decoders leave it.
                    _percent = 0;
                    Decoded((byte)'%');
                    break;
                case 2:
                    _percent = 0;
                    if (IsHex(b))
                    {
                        Decoded((byte)((HexValue(_firstHex) << 4) | HexValue(b)));
                        continue;
                    }

                    Decoded((byte)'%');
                    Decoded(_firstHex);
                    break;
            }

            switch (b)
            {
                case (byte)'&':
                    EndPair();
                    break;
                case (byte)'=' when !_inValue:
                    EndKey();
                    break;
                case (byte)'+':
                    Decoded((byte)' ');
                    break;
                case (byte)'%':
                    _percent = 1;
                    break;
                default:
                    Decoded(b);
                    break;
            }
        }
    }

    /// <summary>Ends the text: a pending escape or an unfinished UTF-8 sequence is checked too.</summary>
    public void Complete()
    {
        if (_percent > 0)
        {
            Decoded((byte)'%');
            if (_percent == 2)
            {
                Decoded(_firstHex);
            }

            _percent = 0;
        }

        EndPair();
    }

    /// <summary>Checks a whole query string (with or without its leading '?').</summary>
    public static FormEncodedScanner Check(string text)
    {
        var scanner = new FormEncodedScanner();
        scanner.Feed(Encoding.UTF8.GetBytes(text.StartsWith('?') ? text[1..] : text));
        scanner.Complete();
        return scanner;
    }

    private void Decoded(byte b)
    {
        if (!_utf8.Accept(b) || (b < 0x20 && b is not (0x09 or 0x0A or 0x0D)))
        {
            _pairInvalid = true;
            _keyInvalid |= !_inValue;
        }

        if (!_inValue)
        {
            if (_nameLength == MaxNameBytes)
            {
                if (keepPairs)
                {
                    throw new InvalidDataException($"A form field name is longer than {MaxNameBytes} bytes.");
                }
            }
            else
            {
                _name[_nameLength++] = b;
            }
        }
        else if (keepPairs)
        {
            if (_value.WrittenCount == MaxValueBytes)
            {
                throw new InvalidDataException($"A form value is longer than {MaxValueBytes} bytes.");
            }

            _value.GetSpan(1)[0] = b;
            _value.Advance(1);
        }
    }

    private void EndKey()
    {
        if (!_utf8.Complete())
        {
            (_pairInvalid, _keyInvalid) = (true, true);
        }

        _inValue = true;
    }

    private void EndPair()
    {
        if (!_utf8.Complete())
        {
            _pairInvalid = true;
            _keyInvalid |= !_inValue;
        }

        if (_pairInvalid)
        {
            HasInvalid = true;
            if (_invalid.Count < MaxNamesKept)
            {
                _invalid.Add(_keyInvalid ? "" : Encoding.UTF8.GetString(_name, 0, _nameLength));
            }
        }

        if (keepPairs && (_nameLength > 0 || _inValue))
        {
            if (_pairs.Count == MaxPairs)
            {
                throw new InvalidDataException($"A form has more than {MaxPairs} fields.");
            }

            _pairs.Add(new(Encoding.UTF8.GetString(_name, 0, _nameLength), Encoding.UTF8.GetString(_value.WrittenSpan)));
        }

        (_nameLength, _inValue, _keyInvalid, _pairInvalid) = (0, false, false, false);
        _value.ResetWrittenCount();
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    /// <summary>
    /// UTF-8 as RFC 3629 defines it, byte by byte: no overlong forms (C0, C1, E0 80..9F, F0 80..8F),
    /// no surrogates (ED A0..BF), nothing above U+10FFFF (F4 90.., F5..FF), no stray continuation bytes.
    /// </summary>
    private sealed class Utf8Validator
    {
        private int _needed;
        private byte _low = 0x80;
        private byte _high = 0xBF;

        public bool Accept(byte b)
        {
            if (_needed > 0)
            {
                if (b < _low || b > _high)
                {
                    _needed = 0;
                    (_low, _high) = (0x80, 0xBF);
                    return false;
                }

                _needed--;
                (_low, _high) = (0x80, 0xBF);
                return true;
            }

            (_needed, _low, _high) = b switch
            {
                < 0x80 => (0, (byte)0x80, (byte)0xBF),
                >= 0xC2 and <= 0xDF => (1, (byte)0x80, (byte)0xBF),
                0xE0 => (2, (byte)0xA0, (byte)0xBF),
                0xED => (2, (byte)0x80, (byte)0x9F),
                >= 0xE1 and <= 0xEF => (2, (byte)0x80, (byte)0xBF),
                0xF0 => (3, (byte)0x90, (byte)0xBF),
                >= 0xF1 and <= 0xF3 => (3, (byte)0x80, (byte)0xBF),
                0xF4 => (3, (byte)0x80, (byte)0x8F),
                _ => (-1, (byte)0x80, (byte)0xBF),
            };
            if (_needed < 0)
            {
                _needed = 0;
                return false;
            }

            return true;
        }

        /// <summary>True when no sequence is left unfinished; resets for the next string.</summary>
        public bool Complete()
        {
            var complete = _needed == 0;
            (_needed, _low, _high) = (0, 0x80, 0xBF);
            return complete;
        }
    }
}
