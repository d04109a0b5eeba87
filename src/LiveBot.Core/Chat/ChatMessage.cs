using LiveBot.Core.Text;

namespace LiveBot.Core.Chat;

/// <summary>
/// One chat line, whatever platform it came from. Platform clients build it from their wire format
/// and hand it to the <see cref="ChatInbox"/>; nothing after that knows the platform's protocol.
/// </summary>
/// <param name="Platform">Platform name: "twitch", "youtube", "local".</param>
/// <param name="Channel">The chat it was said in (Twitch channel without '#', YouTube live chat id, "local").</param>
/// <param name="Id">The platform's message id, unique within that platform.</param>
/// <param name="UserId">The platform's user id (stable, unlike the login).</param>
/// <param name="Login">The user's login or handle.</param>
/// <param name="DisplayName">The name shown in chat.</param>
/// <param name="Role">The highest role of the author in that chat.</param>
/// <param name="Text">The text as typed (untrusted), made valid Unicode on the way in (<see cref="UnicodeText.MakeValid"/>).</param>
/// <param name="Time">When the platform says it was sent.</param>
public sealed record ChatMessage(
    string Platform,
    string Channel,
    string Id,
    string UserId,
    string Login,
    string DisplayName,
    ChatRole Role,
    string Text,
    DateTimeOffset Time)
{
    // Issue 13: text from every platform is made valid once, here, before anything else sees it.
    private readonly string _login = UnicodeText.MakeValid(Login);
    private readonly string _displayName = UnicodeText.MakeValid(DisplayName);
    private readonly string _text = UnicodeText.MakeValid(Text);

    /// <summary>The user's login or handle (valid Unicode).</summary>
    public string Login { get => _login; init => _login = UnicodeText.MakeValid(value); }

    /// <summary>The name shown in chat (valid Unicode).</summary>
    public string DisplayName { get => _displayName; init => _displayName = UnicodeText.MakeValid(value); }

    /// <summary>The text as typed, made valid Unicode: no lone surrogate, no noncharacter, no control.</summary>
    public string Text { get => _text; init => _text = UnicodeText.MakeValid(value); }

    /// <summary>
    /// The id of the message this one answers when the viewer used the platform's reply button (Twitch's
    /// <c>reply-parent-msg-id</c>); the mention the button adds is already removed from <see cref="Text"/>.
    /// </summary>
    public string? ReplyParentId { get; init; }

    /// <summary>A user id qualified by its platform ("twitch:789"), unique across platforms.</summary>
    public string QualifiedUserId => $"{Platform}:{UserId}";
}
