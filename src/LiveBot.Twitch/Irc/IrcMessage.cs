namespace LiveBot.Twitch.Irc;

/// <summary>
/// One parsed IRCv3 line, as views into the line: parsing allocates nothing, and only the values a
/// caller asks for become strings. Grammar: <c>[@tags SP] [:source SP] command *(SP param) [SP :trailing]</c>,
/// several spaces counting as one (RFC 1459).
/// </summary>
public readonly ref struct IrcMessage
{
    /// <summary>IRC allows 15 parameters; more are ignored.</summary>
    public const int MaxParams = 15;

    private readonly ReadOnlySpan<char> _line;
    private readonly int _tagsStart, _tagsLength, _sourceStart, _sourceLength, _commandStart, _commandLength, _paramsStart;

    private IrcMessage(ReadOnlySpan<char> line, int tagsStart, int tagsLength, int sourceStart, int sourceLength, int commandStart, int commandLength, int paramsStart)
    {
        _line = line;
        _tagsStart = tagsStart;
        _tagsLength = tagsLength;
        _sourceStart = sourceStart;
        _sourceLength = sourceLength;
        _commandStart = commandStart;
        _commandLength = commandLength;
        _paramsStart = paramsStart;
    }

    /// <summary>The raw tag section without '@' (empty when the line has none).</summary>
    public ReadOnlySpan<char> RawTags => _line.Slice(_tagsStart, _tagsLength);

    public bool HasTags => _tagsStart > 0;

    /// <summary>The source without ':' ("nick!user@host" or a server name), empty when none.</summary>
    public ReadOnlySpan<char> Source => _line.Slice(_sourceStart, _sourceLength);

    public bool HasSource => _sourceStart > 0;

    /// <summary>The nick part of the source ("foo" of "foo!foo@foo.tmi.twitch.tv").</summary>
    public ReadOnlySpan<char> Nick
    {
        get
        {
            var source = Source;
            var bang = source.IndexOfAny('!', '@');
            return bang < 0 ? source : source[..bang];
        }
    }

    /// <summary>The command or numeric ("PRIVMSG", "001").</summary>
    public ReadOnlySpan<char> Command => _line.Slice(_commandStart, _commandLength);

    /// <summary>
    /// Parses <paramref name="line"/> (without its CR LF). False for a line with no command (empty, only
    /// tags or a source, or only spaces): such a line is ignored, never an exception.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> line, out IrcMessage message)
    {
        message = default;
        var i = SkipSpaces(line, 0);
        int tagsStart = 0, tagsLength = 0, sourceStart = 0, sourceLength = 0;
        if (i < line.Length && line[i] == '@')
        {
            var end = IndexOfSpace(line, i + 1);
            if (end < 0)
            {
                return false;
            }

            tagsStart = i + 1;
            tagsLength = end - i - 1;
            i = SkipSpaces(line, end);
        }

        if (i < line.Length && line[i] == ':')
        {
            var end = IndexOfSpace(line, i + 1);
            if (end < 0)
            {
                return false;
            }

            sourceStart = i + 1;
            sourceLength = end - i - 1;
            i = SkipSpaces(line, end);
        }

        if (i >= line.Length)
        {
            return false;
        }

        var commandEnd = IndexOfSpace(line, i);
        if (commandEnd < 0)
        {
            commandEnd = line.Length;
        }

        message = new IrcMessage(line, tagsStart, tagsLength, sourceStart, sourceLength, i, commandEnd - i, commandEnd);
        return true;
    }

    /// <summary>The number of parameters (the trailing one included).</summary>
    public int ParamCount
    {
        get
        {
            var count = 0;
            var enumerator = new ParamEnumerator(_line, _paramsStart);
            while (count < MaxParams && enumerator.MoveNext())
            {
                count++;
            }

            return count;
        }
    }

    /// <summary>Parameter <paramref name="index"/>, or empty when there is none.</summary>
    public ReadOnlySpan<char> Param(int index)
    {
        var enumerator = new ParamEnumerator(_line, _paramsStart);
        for (var i = 0; i <= index && i < MaxParams; i++)
        {
            if (!enumerator.MoveNext())
            {
                return [];
            }

            if (i == index)
            {
                return enumerator.Current;
            }
        }

        return [];
    }

    /// <summary>The last parameter (the message text of a PRIVMSG or NOTICE), empty when none.</summary>
    public ReadOnlySpan<char> LastParam
    {
        get
        {
            var enumerator = new ParamEnumerator(_line, _paramsStart);
            ReadOnlySpan<char> last = [];
            for (var i = 0; i < MaxParams && enumerator.MoveNext(); i++)
            {
                last = enumerator.Current;
            }

            return last;
        }
    }

    /// <summary>
    /// The raw (still escaped) value of tag <paramref name="key"/>; the last one wins when a key repeats.
    /// A tag without '=' has an empty value.
    /// </summary>
    public bool TryGetRawTag(ReadOnlySpan<char> key, out ReadOnlySpan<char> rawValue)
    {
        rawValue = [];
        var found = false;
        foreach (var tag in EnumerateTags())
        {
            if (tag.Name.SequenceEqual(key))
            {
                rawValue = tag.RawValue;
                found = true;
            }
        }

        return found;
    }

    /// <summary>The unescaped value of tag <paramref name="key"/>, or null when absent.</summary>
    public string? GetTag(ReadOnlySpan<char> key) =>
        TryGetRawTag(key, out var raw) ? IrcTags.Unescape(raw) : null;

    /// <summary>Walks the tags once, in order (a repeated key comes twice: the later one wins).</summary>
    public TagEnumerator EnumerateTags() => new(RawTags);

    /// <summary>Every tag, unescaped, last value winning (for tests and logs; allocates).</summary>
    public Dictionary<string, string> GetTags()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in EnumerateTags())
        {
            result[tag.Name.ToString()] = IrcTags.Unescape(tag.RawValue);
        }

        return result;
    }

    /// <summary>Every parameter as strings (for tests and logs; allocates).</summary>
    public List<string> GetParams()
    {
        var result = new List<string>();
        var enumerator = new ParamEnumerator(_line, _paramsStart);
        while (result.Count < MaxParams && enumerator.MoveNext())
        {
            result.Add(enumerator.Current.ToString());
        }

        return result;
    }

    public bool IsCommand(string command) => Command.SequenceEqual(command);

    private static int IndexOfSpace(ReadOnlySpan<char> line, int from)
    {
        var index = line[from..].IndexOf(' ');
        return index < 0 ? -1 : from + index;
    }

    private static int SkipSpaces(ReadOnlySpan<char> line, int from)
    {
        while (from < line.Length && line[from] == ' ')
        {
            from++;
        }

        return from;
    }

    /// <summary>One tag: its name and its raw (escaped) value.</summary>
    public readonly ref struct Tag(ReadOnlySpan<char> name, ReadOnlySpan<char> rawValue)
    {
        public ReadOnlySpan<char> Name { get; } = name;

        public ReadOnlySpan<char> RawValue { get; } = rawValue;
    }

    /// <summary>Splits "a=b;c;d=" into tags, skipping empty ones.</summary>
    public ref struct TagEnumerator(ReadOnlySpan<char> tags)
    {
        private ReadOnlySpan<char> _rest = tags;

        public Tag Current { get; private set; }

        public readonly TagEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (!_rest.IsEmpty)
            {
                var semicolon = _rest.IndexOf(';');
                var tag = semicolon < 0 ? _rest : _rest[..semicolon];
                _rest = semicolon < 0 ? [] : _rest[(semicolon + 1)..];
                if (tag.IsEmpty)
                {
                    continue;
                }

                var equals = tag.IndexOf('=');
                Current = equals < 0 ? new Tag(tag, []) : new Tag(tag[..equals], tag[(equals + 1)..]);
                return true;
            }

            return false;
        }
    }

    /// <summary>Walks the parameters: middle ones end at a space, ':' starts the trailing one.</summary>
    private ref struct ParamEnumerator(ReadOnlySpan<char> line, int position)
    {
        private readonly ReadOnlySpan<char> _line = line;
        private int _position = position;

        public ReadOnlySpan<char> Current { get; private set; }

        public bool MoveNext()
        {
            _position = SkipSpaces(_line, _position);
            if (_position >= _line.Length)
            {
                return false;
            }

            if (_line[_position] == ':')
            {
                Current = _line[(_position + 1)..];
                _position = _line.Length;
                return true;
            }

            var end = IndexOfSpace(_line, _position);
            if (end < 0)
            {
                end = _line.Length;
            }

            Current = _line[_position..end];
            _position = end;
            return true;
        }
    }
}
