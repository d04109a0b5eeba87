"use strict";
// The "Sondage" panel of the presenter page: start a poll, watch it live, close it, see the closed ones.
// Texts from chat or presenters only reach the DOM through textContent.
(function () {
  const PLATFORM_LABELS = { twitch: "Twitch", youtube: "YouTube", local: "Chat de test" };
  const $ = (id) => document.getElementById(id);
  const polls = new Map();
  let countdown = null;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function percent(votes, total) { return total ? Math.round((votes * 100) / total) : 0; }
  function votes(n) { return n === 0 ? "aucun vote" : n === 1 ? "1 vote" : n.toLocaleString("fr-FR") + " votes"; }

  function byPlatform(choice) {
    const parts = Object.keys(choice.byPlatform || {}).sort()
      .map((p) => (Object.prototype.hasOwnProperty.call(PLATFORM_LABELS, p) ? PLATFORM_LABELS[p] : p) + " " + choice.byPlatform[p]);
    return parts.length ? parts.join(" · ") : "aucun vote";
  }

  // One bar per choice; the per-platform split shows on hover (title) and for screen readers.
  function bars(poll) {
    const max = Math.max(1, ...poll.choices.map((c) => c.votes));
    return poll.choices.map((c, i) => {
      const li = el("li", "poll-bar");
      li.title = byPlatform(c);
      li.dataset.choice = String(i + 1);
      const label = el("span", "poll-label");
      label.append(el("b", null, "!" + (i + 1) + " "), document.createTextNode(c.text));
      const track = el("span", "poll-track");
      const fill = el("span", "poll-fill");
      fill.style.width = ((c.votes * 100) / max).toFixed(1) + "%";
      track.append(fill);
      const count = el("span", "poll-count", c.votes + " · " + percent(c.votes, poll.total) + " %");
      const split = el("span", "poll-split", byPlatform(c));
      li.append(label, track, count, split);
      return li;
    });
  }

  function remaining(poll) {
    if (!poll.closesAt) return "sans limite de temps";
    const ms = Date.parse(poll.closesAt) - Date.now();
    if (!(ms > 0)) return "se termine…";
    const s = Math.ceil(ms / 1000);
    return "se termine dans " + Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function render() {
    const all = Array.from(polls.values()).sort((a, b) => b.id - a.id);
    const open = all.find((p) => p.status === "open");
    $("poll-form").hidden = !!open;
    $("poll-live").hidden = !open;
    clearInterval(countdown);
    if (open) {
      $("poll-live").dataset.pollId = String(open.id);
      $("poll-live-question").textContent = "#" + open.id + " · " + open.question;
      $("poll-live-bars").replaceChildren(...bars(open));
      const meta = () => { $("poll-live-meta").textContent = votes(open.total) + " · " + remaining(open); };
      meta();
      if (open.closesAt) countdown = setInterval(meta, 1000);
    }
    const closed = all.filter((p) => p.status !== "open");
    $("poll-closed-count").textContent = closed.length;
    $("poll-closed-list").replaceChildren(...closed.map((p) => {
      const li = el("li", "poll-closed");
      li.dataset.pollId = String(p.id);
      li.append(el("p", "poll-question", "#" + p.id + " · " + p.question + " (" + votes(p.total) + ")"));
      const ol = el("ol", "poll-bars");
      ol.append(...bars(p));
      li.append(ol);
      return li;
    }));
  }

  function notice(text) {
    const node = $("notice");
    node.textContent = text;
    node.hidden = !text;
  }

  async function post(url, body) {
    try {
      const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
      if (res.ok) { notice(""); return true; } // the poll comes back through the live feed
      let message = "Erreur " + res.status;
      try { message = (await res.json()).error || message; } catch { /* not JSON */ }
      notice(message);
    } catch (err) {
      notice("Le bot ne répond pas : " + err);
    }
    return false;
  }

  $("poll-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const choices = Array.from(document.querySelectorAll(".poll-choice")).map((i) => i.value.trim()).filter((v) => v);
    const duration = $("poll-duration").value || null;
    if (await post("/api/polls", { question: $("poll-question").value, choices, duration })) {
      $("poll-question").value = "";
      for (const input of document.querySelectorAll(".poll-choice")) input.value = "";
    }
  });

  $("poll-close").addEventListener("click", () => {
    const id = $("poll-live").dataset.pollId;
    if (id) post("/api/polls/" + encodeURIComponent(id) + "/close");
  });

  document.addEventListener("livebot:source", (e) => {
    const source = e.detail;
    source.addEventListener("polls", (m) => {
      polls.clear();
      for (const p of JSON.parse(m.data).polls) polls.set(p.id, p);
      render();
    });
    source.addEventListener("poll", (m) => { const p = JSON.parse(m.data).poll; polls.set(p.id, p); render(); });
    source.addEventListener("pollremoved", (m) => { polls.delete(JSON.parse(m.data).id); render(); });
  });

  render();
})();
