namespace LiveBot.Chat.Local;

/// <summary>The <c>LocalChat</c> section: the test chat (HTTP, presenter page box, console).</summary>
public sealed class LocalChatOptions
{
    public const string Section = "LocalChat";

    /// <summary>On by default so that the bot answers with no account at all; false turns it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Read chat lines typed in the terminal (only when stdin is a terminal).</summary>
    public bool Console { get; set; } = true;
}
