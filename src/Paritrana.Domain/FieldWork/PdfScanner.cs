namespace Paritrana.Domain.FieldWork;

/// <summary>
/// Reads PDF bytes chunk by chunk, in constant memory, looking for the names that make a document
/// active (<see cref="PdfInspector"/> drives it over a file). Every name is decoded as a PDF reader
/// decodes it (<c>/J#61vaScript</c> is <c>/JavaScript</c>) and looked up:
/// <list type="bullet">
/// <item>anywhere in the file, even inside strings, comments and stream data: <c>/JavaScript</c>,
/// <c>/Launch</c>, <c>/EmbeddedFile</c>, <c>/EmbeddedFiles</c> (long enough never to occur by chance
/// in compressed bytes, and an action of these kinds cannot be written without its type name);</item>
/// <item>in the objects themselves (outside strings, comments and stream data, and in the inflated
/// object streams): also <c>/JS</c> and <c>/EF</c>, too short to look for in binary data.</item>
/// </list>
/// It follows the structure only as far as these rules need it: strings, comments, the keywords
/// <c>obj</c>, <c>stream</c> and <c>endstream</c>, and the names of a stream's dictionary that
/// make it an object stream and say how it is compressed.
/// </summary>
internal sealed class PdfScanner(bool topLevel)
{
    private const int MaxNameBytes = 127; // PDF's own limit; a longer name is none of ours
    private static readonly byte[] EndStream = "endstream"u8.ToArray();

    private enum Mode { Normal, String, Comment, StreamData }

    private Mode _mode = Mode.Normal;
    private int _stringDepth;
    private bool _escape;

    private bool _inName;
    private bool _nameStructural;
    private readonly byte[] _name = new byte[MaxNameBytes + 1];
    private int _nameLength;
    private int _nameHex;        // 0: none, 1: after '#', 2: after '#' and one hex digit
    private byte _nameFirstHex;

    private readonly byte[] _token = new byte[16];
    private int _tokenLength;
    private bool _afterStreamKeyword;
    private bool _afterStreamCr;
    private int _endStreamMatched;

    // The names seen in the current object (reset at "obj"), for its stream.
    private bool _objectStream;
    private bool _flate;
    private bool _otherFilter;
    private bool _decodeParms;
    private bool _filterKey;

    /// <summary>The first reason found to refuse the document, if any.</summary>
    public ContentRefusal? Finding { get; private set; }

    /// <summary>
    /// Scans <paramref name="bytes"/> until its end, a finding, or (top level only) the start of the
    /// data of a Flate-compressed object stream: then <paramref name="objectStreamStarts"/> is true and
    /// the data starts right after the bytes consumed. Returns the number of bytes consumed.
    /// </summary>
    public int Scan(ReadOnlySpan<byte> bytes, out bool objectStreamStarts)
    {
        objectStreamStarts = false;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (_afterStreamKeyword)
            {
                // The data starts after the end of line that follows "stream" (CR LF or LF).
                if (_afterStreamCr && b == '\n')
                {
                    _afterStreamCr = false;
                    continue;
                }

                _afterStreamKeyword = _afterStreamCr = false;
                if (StartStream())
                {
                    objectStreamStarts = true;
                    return i;
                }
            }

            Byte(b);
            if (Finding is not null)
            {
                return i + 1;
            }

            if (_afterStreamKeyword && !_afterStreamCr)
            {
                // "stream" then LF: the data starts at the next byte.
                _afterStreamKeyword = false;
                if (StartStream())
                {
                    objectStreamStarts = true;
                    return i + 1;
                }
            }
        }

        return bytes.Length;
    }

    /// <summary>The end of the bytes: a name that runs to the very end is looked up too.</summary>
    public void Finish()
    {
        if (_inName)
        {
            EndName();
        }
    }

    /// <summary>
    /// One byte. Names are read alongside whatever else the byte means, so that a name can never
    /// hide the end of a string, comment or stream from the tracking of the structure.
    /// </summary>
    private void Byte(byte b)
    {
        var inName = _inName && NameByte(b);
        if (_inName && !inName)
        {
            EndName();
        }

        var startsName = !inName && b == '/';
        if (startsName)
        {
            (_inName, _nameLength, _nameHex, _nameStructural) = (true, 0, 0, _mode == Mode.Normal);
        }

        switch (_mode)
        {
            case Mode.String:
                if (_escape)
                {
                    _escape = false;
                }
                else if (b == '\\')
                {
                    _escape = true;
                }
                else if (b == '(')
                {
                    _stringDepth++;
                }
                else if (b == ')' && --_stringDepth == 0)
                {
                    _mode = Mode.Normal;
                }

                break;
            case Mode.Comment:
                if (b is (byte)'\r' or (byte)'\n')
                {
                    _mode = Mode.Normal;
                }

                break;
            case Mode.StreamData:
                _endStreamMatched = b == EndStream[_endStreamMatched] ? _endStreamMatched + 1 : b == EndStream[0] ? 1 : 0;
                if (_endStreamMatched == EndStream.Length)
                {
                    (_mode, _endStreamMatched) = (Mode.Normal, 0);
                }

                break;
            default:
                if (startsName)
                {
                    EndToken(b);
                }
                else if (!inName)
                {
                    NormalByte(b);
                }

                break;
        }
    }

    private void NormalByte(byte b)
    {
        if (IsRegular(b))
        {
            if (_tokenLength < _token.Length)
            {
                _token[_tokenLength] = b;
            }

            _tokenLength++;
            return;
        }

        EndToken(b);
        if (b == '(')
        {
            (_mode, _stringDepth, _escape) = (Mode.String, 1, false);
        }
        else if (b == '%')
        {
            _mode = Mode.Comment;
        }
    }

    private void EndToken(byte terminator)
    {
        var token = _token.AsSpan(0, Math.Min(_tokenLength, _token.Length));
        var whole = _tokenLength <= _token.Length;
        _tokenLength = 0;
        if (!whole || !topLevel)
        {
            return;
        }

        if (token.SequenceEqual("obj"u8))
        {
            (_objectStream, _flate, _otherFilter, _decodeParms, _filterKey) = (false, false, false, false, false);
        }
        else if (token.SequenceEqual("stream"u8) && terminator is (byte)'\r' or (byte)'\n')
        {
            (_afterStreamKeyword, _afterStreamCr) = (true, terminator == '\r');
        }
    }

    /// <summary>Enters the data of a stream; true when it is an object stream to inflate.</summary>
    private bool StartStream()
    {
        if (!_objectStream)
        {
            (_mode, _endStreamMatched) = (Mode.StreamData, 0);
            return false;
        }

        if (_otherFilter || _decodeParms || (_filterKey && !_flate))
        {
            // Compressed in a way that is not inflated here (or encrypted): it cannot be checked.
            Finding = ContentRefusal.PdfUncheckable;
            return false;
        }

        if (!_flate)
        {
            // An uncompressed object stream: its objects are read here like any others.
            return false;
        }

        (_mode, _endStreamMatched) = (Mode.StreamData, 0);
        return true;
    }

    /// <summary>Adds a byte to the name being read; false when the byte ends the name.</summary>
    private bool NameByte(byte b)
    {
        if (_nameHex == 1 && IsHex(b))
        {
            (_nameFirstHex, _nameHex) = (b, 2);
            return true;
        }

        if (_nameHex == 2 && IsHex(b))
        {
            _nameHex = 0;
            AppendName((byte)((HexValue(_nameFirstHex) << 4) | HexValue(b)));
            return true;
        }

        if (_nameHex > 0)
        {
            // '#' without two hex digits: kept as written, as lenient readers keep it.
            AppendName((byte)'#');
            if (_nameHex == 2)
            {
                AppendName(_nameFirstHex);
            }

            _nameHex = 0;
        }

        if (!IsRegular(b))
        {
            return false;
        }

        if (b == '#')
        {
            _nameHex = 1;
        }
        else
        {
            AppendName(b);
        }

        return true;
    }

    private void AppendName(byte b)
    {
        if (_nameLength < _name.Length)
        {
            _name[_nameLength] = b;
        }

        _nameLength++;
    }

    private void EndName()
    {
        if (_nameHex > 0)
        {
            AppendName((byte)'#');
            if (_nameHex == 2)
            {
                AppendName(_nameFirstHex);
            }
        }

        _inName = false;
        if (_nameLength > MaxNameBytes)
        {
            return;
        }

        var name = _name.AsSpan(0, _nameLength);
        var structural = _nameStructural && _mode == Mode.Normal;
        Finding ??= Classify(name, structural);
        if (structural && topLevel)
        {
            Remember(name);
        }
    }

    /// <summary>What a name tells about the document; <paramref name="structural"/>: read in an object, not in data.</summary>
    internal static ContentRefusal? Classify(ReadOnlySpan<byte> name, bool structural) => name switch
    {
        _ when name.SequenceEqual("JavaScript"u8) => ContentRefusal.PdfJavaScript,
        _ when name.SequenceEqual("JS"u8) && structural => ContentRefusal.PdfJavaScript,
        _ when name.SequenceEqual("Launch"u8) => ContentRefusal.PdfLaunch,
        _ when name.SequenceEqual("EmbeddedFile"u8) || name.SequenceEqual("EmbeddedFiles"u8) => ContentRefusal.PdfEmbeddedFile,
        _ when name.SequenceEqual("EF"u8) && structural => ContentRefusal.PdfEmbeddedFile,
        _ => null,
    };

    private void Remember(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("ObjStm"u8))
        {
            _objectStream = true;
        }
        else if (name.SequenceEqual("FlateDecode"u8) || name.SequenceEqual("Fl"u8))
        {
            _flate = true;
        }
        else if (name.SequenceEqual("Filter"u8))
        {
            _filterKey = true;
        }
        else if (name.SequenceEqual("DecodeParms"u8) || name.SequenceEqual("DP"u8))
        {
            _decodeParms = true;
        }
        else if (IsOtherFilter(name))
        {
            _otherFilter = true;
        }
    }

    private static bool IsOtherFilter(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("ASCIIHexDecode"u8) || name.SequenceEqual("AHx"u8)
        || name.SequenceEqual("ASCII85Decode"u8) || name.SequenceEqual("A85"u8)
        || name.SequenceEqual("LZWDecode"u8) || name.SequenceEqual("LZW"u8)
        || name.SequenceEqual("RunLengthDecode"u8) || name.SequenceEqual("RL"u8)
        || name.SequenceEqual("Crypt"u8);

    /// <summary>Not white space (NUL, TAB, LF, FF, CR, SP) and not a delimiter ( ) &lt; &gt; [ ] { } / %.</summary>
    private static bool IsRegular(byte b) =>
        b is not (0 or 9 or 10 or 12 or 13 or 32)
        and not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
