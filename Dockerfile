# LiveBot container: build with the SDK image, run on the ASP.NET runtime image as a non-root user.
#   docker build -t livebot .
#   docker run --rm -it -p 127.0.0.1:5080:8080 \
#     -v "$PWD/config:/srv/livebot/config" -v livebot-data:/srv/livebot/data livebot
# Inside the container the bot listens on 0.0.0.0:8080 (it must, to be reachable through -p); publish it
# on 127.0.0.1 of the host as above unless the presenter page must be reached from another machine
# (it is token-protected, but the test chat and the overlay are not).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props BannedSymbols.txt global.json .editorconfig ./
COPY src/ src/
COPY config/ config/
RUN dotnet publish src/LiveBot/LiveBot.csproj -c Release -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /srv/livebot
COPY --from=build /app /app
COPY config/ config/
RUN mkdir -p data && chown -R app:app data
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    LIVEBOT_CONFIG_DIR=/srv/livebot/config \
    Storage__Path=/srv/livebot/data/livebot.db \
    LocalChat__Console=false \
    DOTNET_NOLOGO=1
VOLUME ["/srv/livebot/config", "/srv/livebot/data"]
EXPOSE 8080
USER app
# The runtime image has neither curl nor wget: the bot's own probe asks /health/live (exit 0 or 1).
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 \
    CMD ["dotnet", "/app/LiveBot.dll", "health"]
ENTRYPOINT ["dotnet", "/app/LiveBot.dll"]
