using System.Globalization;
using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using LiveBot.Offers.Places;
using LiveBot.Offers.Requests;
using LiveBot.Offers.Sources;
using Microsoft.Extensions.Options;
using TextInfo = LiveBot.Core.Commands.TextInfo;

namespace LiveBot.Offers.Commands;

/// <summary>
/// What !offres and !entreprises share: understand "métier [à] lieu", search, and fit the answer to the
/// asker's platform (fewer and shorter items on YouTube), with the demo label when the data is demo data.
/// </summary>
public abstract class OfferCommandBase(OfferRequestParser parser, OfferSearch search, IOptions<OffersOptions> options) : IChatCommand
{
    /// <summary>Under this many characters (YouTube) items drop the employer and shorten titles.</summary>
    public const int ShortPlatformLength = 250;

    private const string ExampleJob = "boulanger";

    private const string ExamplePlace = "Lyon";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public abstract CommandInfo Info { get; }

    protected abstract OfferKind Kind { get; }

    /// <summary>
    /// Texts shared by both commands, with their defaults. No text ever gets what the viewer typed: {job}
    /// is the catalogue's label of a recognised job (or an example job), {place} a known place's label, and
    /// both are empty in unknownPlace/unknownJob, so the bot cannot be made to say anything.
    /// </summary>
    protected static Dictionary<string, TextInfo> CommonTexts(string example) => new()
    {
        ["demo"] = new("[Démo : offres fictives] "),
        ["usage"] = new($"Dis-moi un métier et un lieu, par exemple : {{prefix}}{{command}} {example}", "prefix", "command"),
        ["noPlace"] = new("Où ça ? Ajoute une ville, un code postal ou un département, par exemple : {prefix}{command} {job} Lyon", "prefix", "command", "job"),
        ["noJob"] = new("Quel métier ? Par exemple : {prefix}{command} boulanger {place}", "prefix", "command", "place"),
        ["unknownPlace"] = new("Je ne trouve pas ce lieu. Essaie une ville, un code postal (69003) ou un département (13, Gironde).", "place"),
        ["unknownJob"] = new("Je ne connais pas ce métier. Tu pensais à : {suggestions} ?", "job", "suggestions"),
        ["unknownJobNoSuggestion"] = new("Je ne connais pas ce métier. Essaie un mot courant : boulanger, vendeur, info, BTP, coiffure…", "job"),
        ["unavailable"] = new($"Le service des offres ne répond pas pour le moment, réessaie dans quelques minutes. En attendant : {OfferLinks.Home}"),
    };

    public async ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var text = await AnswerAsync(context, cancellationToken);
        return new Reply(ReplyText.Truncate(text, Math.Max(2, context.MaxReplyLength)))
        {
            MergeKey = context.MergeKey,

            // What YouTube still sends when its daily quota runs low: where to look, no search data.
            ShortText = "Toutes les offres d'apprentissage : " + OfferLinks.Home,
        };
    }

    private async Task<string> AnswerAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var prefix = ("prefix", (object?)context.Commands.Prefix);
        var command = ("command", (object?)context.InvokedAs);
        var request = parser.Parse(context.Args);
        if (request.Status != OfferRequestStatus.Ok)
        {
            OfferStats.Record(context, Kind, request, null, search.Source.Name);
        }

        switch (request.Status)
        {
            case OfferRequestStatus.Empty:
                return context.Text("usage", prefix, command);
            // Only the catalogue's words go into a reply: what the viewer typed is never repeated, so
            // "!offres le streamer est nul" or "!offres boulanger /ban x" cannot make the bot say it.
            case OfferRequestStatus.NoPlace:
                return context.Text("noPlace", prefix, command, ("job", Shorten(request.Job?.Label ?? ExampleJob, 30)));
            case OfferRequestStatus.NoJob:
                return context.Text("noJob", prefix, command, ("place", request.Place?.Label ?? ExamplePlace));
            case OfferRequestStatus.UnknownPlace:
                return context.Text("unknownPlace", ("place", string.Empty));
            case OfferRequestStatus.UnknownJob:
                return request.Suggestions.Count > 0
                    ? context.Text("unknownJob", ("job", string.Empty), ("suggestions", string.Join(", ", request.Suggestions)))
                    : context.Text("unknownJobNoSuggestion", ("job", string.Empty));
        }

        var job = request.Job!;
        var place = request.Place!;
        var settings = options.Value;
        // A département is searched as a whole (from its middle, far enough to cover it), never widened.
        var radius = place.RadiusKm is { } covering ? Math.Max(covering, Math.Max(settings.Radius, settings.WidenedRadius)) : settings.Radius;
        // A diploma ("BTS NDRC") keeps the offers of its level; companies hire for any level.
        var query = new OfferQuery(Kind, job.Codes, place, radius, settings.MaxResults) { DiplomaLevel = Kind == OfferKind.Offers ? job.Diploma?.Level : null };
        var outcome = await search.SearchAsync(query, cancellationToken);
        OfferStats.Record(context, Kind, request, outcome, search.Source.Name);
        // Demo data always says so, even if a moderator blanked the label.
        var label = string.Empty;
        if (outcome.IsDemo)
        {
            label = context.Text("demo");
            if (string.IsNullOrWhiteSpace(label))
            {
                label = Info.Texts["demo"].Default;
            }
        }

        if (outcome.Status == SearchStatus.Unavailable)
        {
            return context.Text("unavailable");
        }

        var values = new List<(string, object?)>
        {
            prefix,
            command,
            ("job", Shorten(job.Label, 40)),
            ("place", place.Label),
            ("near", PlacePhrase.Near(place)),
            ("around", PlacePhrase.Around(place)),
            ("within", PlacePhrase.Within(place, outcome.RadiusKm)),
            ("radius", radius),
            ("widened", outcome.RadiusKm),
            ("count", outcome.Results.Total),
            ("s", outcome.Results.Total > 1 ? "s" : string.Empty),
            ("companies", CommandName(context, "entreprises")),
        };
        if (outcome.Status == SearchStatus.None)
        {
            return label + context.Text("none", values.ToArray());
        }

        return Fit(context, outcome, label, values, job, place);
    }

    /// <summary>
    /// The most useful reply that fits: as many items as fit with the job-and-place search link (one item:
    /// its own apply link first), then one item with shorter words; the bare home link only when no
    /// other link fits (YouTube's 200 characters).
    /// </summary>
    private string Fit(CommandContext context, SearchOutcome outcome, string label, List<(string, object?)> values, Jobs.JobMatch job, Places.Place place)
    {
        var max = context.MaxReplyLength;
        var isShort = max < ShortPlatformLength;
        var key = outcome.Widened ? "widened" : "results";
        var items = outcome.Results.Items;
        var search = OfferLinks.Search(job, place, outcome.RadiusKm);
        var normal = isShort ? 28 : 60;
        var attempts = new List<(int Count, string Link, int TitleLength)>();
        for (var n = items.Count; n >= 2; n--)
        {
            attempts.Add((n, search, normal));
        }

        foreach (var length in new[] { normal, 16 })
        {
            if (items.Count > 0 && items[0].Url is { } url)
            {
                attempts.Add((1, url, length));
            }

            attempts.Add((1, search, length));
        }

        for (var n = items.Count; n >= 1; n--)
        {
            attempts.Add((n, OfferLinks.Home, normal));
        }

        attempts.Add((1, OfferLinks.Home, 16));
        var text = string.Empty;
        foreach (var (count, link, titleLength) in attempts)
        {
            var shown = items.Take(count).Select(i => Format(i, isShort, titleLength, !place.IsArea));
            text = label + context.Text(key, [.. values, ("items", string.Join(" · ", shown)), ("link", link)]);
            if (text.Length <= max)
            {
                return text;
            }
        }

        return text;
    }

    /// <summary>"Title – Company (City, 3 km)"; no distance in a département (from its middle, it means nothing to a viewer).</summary>
    private string Format(OfferItem item, bool isShort, int titleLength, bool withDistance)
    {
        var distance = withDistance && item.DistanceKm is { } km ? string.Format(French, "{0} km", Math.Max(1, (int)Math.Round(km))) : null;
        var where = item.City.Length > 0 && distance is not null ? $"{item.City}, {distance}" : item.City.Length > 0 ? item.City : distance;
        var title = Shorten(item.Title, titleLength);
        var company = !isShort && Kind == OfferKind.Offers && item.Company is { } c ? " – " + Shorten(c, 40) : string.Empty;
        return where is null ? title + company : $"{title}{company} ({where})";
    }

    private static string CommandName(CommandContext context, string id) =>
        context.Commands.Commands.FirstOrDefault(c => c.Id == id)?.Name ?? id;

    private static string Shorten(string text, int max) => text.Length <= max ? text : ReplyText.Truncate(text, max);
}
