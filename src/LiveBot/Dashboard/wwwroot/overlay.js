"use strict";
// The OBS overlay: only ever knows the on-air question (stream /overlay/events, with the overlay key when given).
// Viewer text goes in with textContent only.
(function () {
  const LEAVE_MS = 450; // the .card transition
  const PLATFORM_LABELS = { twitch: "Twitch", youtube: "YouTube", local: "Chat de test" };
  const params = new URLSearchParams(location.search);
  const theme = params.get("theme");
  const only = params.get("show");
  document.documentElement.dataset.theme = theme === "light" ? "light" : "dark";

  const card = document.getElementById("card");
  let current = null; // the question shown (or arriving)
  let timer = null;

  function fill(q) {
    const known = Object.prototype.hasOwnProperty.call(PLATFORM_LABELS, q.platform);
    const icon = document.getElementById("platform");
    icon.src = "/assets/" + (known ? q.platform : "local") + ".svg";
    icon.alt = known ? PLATFORM_LABELS[q.platform] : q.platform;
    document.getElementById("text").textContent = q.text;
    document.getElementById("author").textContent = q.authorName;
    card.classList.toggle("long", q.text.length > 160);
    card.dataset.questionId = String(q.id);
  }

  function show(q) {
    clearTimeout(timer);
    const same = current && q && current.id === q.id && current.text === q.text && current.authorName === q.authorName;
    if (same) return;
    const wasShown = card.classList.contains("shown");
    current = q;
    card.classList.remove("shown");
    document.body.dataset.state = q ? "shown" : "empty";
    if (!q) { delete card.dataset.questionId; return; }
    // Let the previous question leave before the next one comes in.
    timer = setTimeout(() => {
      fill(q);
      requestAnimationFrame(() => card.classList.add("shown"));
    }, wasShown ? LEAVE_MS : 0);
  }

  // EventSource reconnects by itself after a dropped stream (bot restarted); if it gives up, start again:
  // an OBS source stays open for hours and must come back on its own.
  function connect() {
    // The overlay key from the address OBS was given (?key=) goes with the stream: it keeps a slot for OBS.
    const key = params.get("key");
    const source = new EventSource("/overlay/events" + (key ? "?key=" + encodeURIComponent(key) : ""));
    // ?show=poll: polls only (overlay-poll.js listens on the same stream).
    if (only !== "poll") source.addEventListener("onair", (e) => show(JSON.parse(e.data).question));
    document.dispatchEvent(new CustomEvent("livebot:source", { detail: source }));
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, 5000);
      }
    });
  }

  document.body.dataset.state = "empty";
  connect();
})();
