namespace LiveBot.Chat.Local;

/// <summary>The <c>LocalChat</c> section: the test chat (HTTP, presenter page box, console).</summary>
public sealed class LocalChatOptions
{
    public const string Section = "LocalChat";

    /// <summary>
    /// Null (the default): on when neither Twitch nor YouTube is enabled, so that the bot answers with no
    /// account at all, and off during a real live. True or false forces it.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Read chat lines typed in the terminal (only when stdin is a terminal).</summary>
    public bool Console { get; set; } = true;

    /// <summary>Whether the test chat is on, once <see cref="Enabled"/> is resolved.</summary>
    public bool IsOn => Enabled ?? false;
}
