namespace LiveBot.Benchmarks.Fuzz;

/// <summary>Valid examples the fuzz harness mutates (shapes of the real wire formats).</summary>
public static class FuzzSamples
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    public static readonly string[] IrcLines =
    [
        "@badge-info=;badges=moderator/1;color=;display-name=Alice;emotes=;id=m1;mod=1;room-id=456;tmi-sent-ts=1700000000123;user-id=42 :alice!alice@alice.tmi.twitch.tv PRIVMSG #chan :!question Quel salaire ?",
        "@reply-parent-msg-id=p1;reply-parent-user-login=bob;reply-parent-display-name=Bob;id=m2;user-id=7 :carl!carl@carl.tmi.twitch.tv PRIVMSG #chan :@bob !offres boulanger Lyon",
        "@ban-duration=600;room-id=456;target-user-id=42;tmi-sent-ts=1700000000123 :tmi.twitch.tv CLEARCHAT #chan :alice",
        "@login=alice;target-msg-id=m1;tmi-sent-ts=1700000000123 :tmi.twitch.tv CLEARMSG #chan :bonjour",
        "PING :tmi.twitch.tv",
        ":tmi.twitch.tv 001 livebot :Welcome, GLHF!",
        "@msg-id=msg_ratelimit :tmi.twitch.tv NOTICE #chan :You are sending messages too quickly.",
    ];

    public static readonly string[] YouTubePages =
    [
        """[{"nextPageToken":"p1","pollingIntervalMillis":2000,"items":[{"id":"a","snippet":{"type":"textMessageEvent","displayMessage":"!question Quel salaire ?","textMessageDetails":{"messageText":"!question Quel salaire ?"},"publishedAt":"2026-03-12T18:00:00Z","authorChannelId":"UC1"},"authorDetails":{"channelId":"UC1","displayName":"@alice","isChatOwner":false,"isChatModerator":true}}]}]""",
        """[{"nextPageToken":"p2","items":[{"id":"b","snippet":{"type":"superChatEvent","superChatDetails":{"userComment":"!offres coiffure 13","amountDisplayString":"2 €","tier":1},"authorChannelId":"UC2"},"authorDetails":{"channelId":"UC2","displayName":"Bob"}},{"id":"c","snippet":{"type":"messageDeletedEvent","messageDeletedDetails":{"deletedMessageId":"a"}}}]},{"nextPageToken":"p3","items":[],"offlineAt":"2026-03-12T20:00:00Z"}]""",
    ];

    public static readonly string[] ChatLines =
    [
        "!question Quel salaire pour un apprenti boulanger la première année ?", "!offres boulanger Lyon", "!entreprises coiffure 13",
        "!aide", "!vote 2", "!q Est-ce qu'on peut faire un apprentissage à 30 ans ? 😀", "!secteurs", "!discord {args}",
    ];

    public static readonly string[] OfferRequests =
    [
        "boulanger Lyon", "boulangère à St-Étienne", "bts ndrc paris", "coifeur Paris 15e", "aide soignante 93", "vendeur Guadeloupe",
        "je cherche une alternance agent de sécurité à Lille", "info grand est", "cap aepe 93", "maçon Le Mans",
    ];

    public const string Export = """
        [
          {"identifier":{"id":"ok1","partner_label":"France Travail","partner_job_id":"ok1"},
           "workplace":{"name":"BOULANGERIE DU RHONE","location":{"address":"12 RUE DE LA REPUBLIQUE 69002 LYON","geopoint":{"type":"Point","coordinates":[4.8357,45.7640]}}},
           "apply":{"url":"https://example.org/ok1"},
           "offer":{"title":"Boulanger / Boulangère","rome_codes":["D1102"],"target_diploma":{"european":"3","label":"CAP, BEP (Infrabac)"},
             "publication":{"creation":"2026-11-30T08:00:00.000Z","expiration":"2027-01-31T00:00:00.000Z"},"status":"Active"}},
          {"identifier":{"id":null,"partner_label":"recruteurs_lba","partner_job_id":"r1"},
           "workplace":{"name":null,"brand":"FOURNIL DE LA SAONE","location":{"address":null,"geopoint":{"type":"Point","coordinates":[4.8300,45.7700]}}},
           "apply":{"url":"http://insecure.example/r1","phone":"0102030405"},"offer":{"title":null,"rome_codes":["D1102","D1104"]}}
        ]
        """;
}
