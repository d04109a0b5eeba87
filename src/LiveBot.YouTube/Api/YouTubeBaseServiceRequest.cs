using Google.Apis.Discovery;
using Google.Apis.Requests;
using Google.Apis.Services;

namespace LiveBot.YouTube.Api;

/// <summary>Common base of the request classes, as in the generated client.</summary>
public abstract class YouTubeBaseServiceRequest<TResponse>(IClientService service) : ClientServiceRequest<TResponse>(service)
{
    /// <summary>Registers a query parameter (an unregistered one throws "Invalid parameter").</summary>
    protected void AddQueryParameter(string name, bool required)
    {
        RequestParameters.Add(name, new Parameter
        {
            Name = name,
            IsRequired = required,
            ParameterType = "query",
            DefaultValue = null,
            Pattern = null,
        });
    }
}
