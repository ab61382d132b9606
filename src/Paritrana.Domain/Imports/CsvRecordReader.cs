using System.Runtime.CompilerServices;
using System.Text;

namespace Paritrana.Domain.Imports;

/// <summary>
/// A streaming CSV reader (RFC 4180 as spreadsheets write it): one record at a time from a
/// <see cref="TextReader"/>, never the whole file in memory. Fields may be quoted; inside quotes the
/// delimiter and line breaks are data and <c>""</c> is one quote. Line breaks are LF, CRLF or CR.
/// Each record knows the physical line it starts on (the first line is 1), so that errors point at
/// the line a spreadsheet or text editor shows. A NUL character or bytes that are not UTF-8 make the
/// file "not a CSV text file" (<see cref="ImportFileException"/>).
/// The per-character methods are compiled fully optimised at once
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>): a file is read once per process by
/// the command line, so the tiered JIT's slow first tier would otherwise do most of the work.
/// </summary>
public sealed class CsvRecordReader
{
    public const int DefaultBufferSize = 1 << 16;

    private readonly TextReader _reader;
    private readonly char[] _buffer;
    private readonly StringBuilder _field = new();
    private int _pos;
    private int _len;
    private int _line = 1;
    private bool _eof;

    public CsvRecordReader(TextReader reader, int bufferSize = DefaultBufferSize)
    {
        _reader = reader;
        _buffer = new char[Math.Max(16, bufferSize)];
    }

    /// <summary>The field delimiter; <see cref="DetectDelimiter"/> picks it from the first line.</summary>
    public char Delimiter { get; set; } = ',';

    /// <summary>UTF-8 that refuses invalid byte sequences instead of replacing them.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Skips a leading byte order mark (U+FEFF), as Excel writes in "CSV UTF-8" files.</summary>
    public void SkipByteOrderMark()
    {
        if (Peek() == '\uFEFF')
        {
            _pos++;
        }
    }

    /// <summary>
    /// Chooses comma or semicolon from the first line without consuming it: the one that occurs
    /// more often outside quotes (a tie, or neither, means comma). Spreadsheets set to Indonesian
    /// write semicolons, because the comma is their decimal separator.
    /// </summary>
    public char DetectDelimiter()
    {
        Fill();
        int commas = 0, semicolons = 0;
        var quoted = false;
        for (var i = _pos; i < _len; i++)
        {
            var c = _buffer[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '\n' || c == '\r'))
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        Delimiter = semicolons > commas ? ';' : ',';
        return Delimiter;
    }

    /// <summary>
    /// Reads the next record into <paramref name="cells"/> (cleared first). Returns false at the end
    /// of the input. An empty line is a record of one empty cell. <paramref name="unterminatedQuote"/>
    /// is set when a quoted field was still open at the end of the input (the record then holds
    /// everything up to there).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read(List<string> cells, out int line, out bool unterminatedQuote)
    {
        cells.Clear();
        unterminatedQuote = false;
        line = _line;
        var c = Next();
        if (c < 0)
        {
            return false;
        }

        _field.Clear();
        var atFieldStart = true;
        while (true)
        {
            if (c < 0 || c == '\n')
            {
                cells.Add(_field.ToString());
                return true;
            }

            if (c == Delimiter)
            {
                cells.Add(_field.ToString());
                _field.Clear();
                atFieldStart = true;
            }
            else if (c == '"' && atFieldStart)
            {
                atFieldStart = false;
                if (!ReadQuoted())
                {
                    unterminatedQuote = true;
                    cells.Add(_field.ToString());
                    return true;
                }
            }
            else
            {
                atFieldStart = false;
                _field.Append((char)c);
            }

            c = Next();
        }
    }

    /// <summary>Reads a quoted field's content after its opening quote; false if the input ends first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadQuoted()
    {
        while (true)
        {
            var c = Next();
            if (c < 0)
            {
                return false;
            }

            if (c == '"')
            {
                if (Peek() == '"')
                {
                    _pos++;
                    _field.Append('"');
                    continue;
                }

                // The closing quote. Anything between it and the next delimiter is kept as it is.
                return true;
            }

            _field.Append((char)c);
        }
    }

    /// <summary>The next character with line breaks folded to '\n' (counted once); -1 at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Next()
    {
        if (_pos >= _len && !Fill())
        {
            return -1;
        }

        var c = _buffer[_pos++];
        switch (c)
        {
            case '\0':
                throw new ImportFileException(ImportError.File(ImportErrorCode.NotText));
            case '\n':
                _line++;
                return '\n';
            case '\r':
                if (Peek() == '\n')
                {
                    _pos++;
                }

                _line++;
                return '\n';
            default:
                return c;
        }
    }

    private int Peek() => _pos < _len || Fill() ? _buffer[_pos] : -1;

    private bool Fill()
    {
        if (_pos < _len)
        {
            return true;
        }

        if (_eof)
        {
            return false;
        }

        try
        {
            _len = _reader.Read(_buffer, 0, _buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException(ImportError.File(ImportErrorCode.NotText));
        }

        _pos = 0;
        if (_len <= 0)
        {
            _len = 0;
            _eof = true;
            return false;
        }

        return true;
    }
}
