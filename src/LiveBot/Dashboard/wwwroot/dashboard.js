"use strict";
// The presenter page. Viewer text only ever reaches the DOM through textContent (never innerHTML):
// whatever a viewer types is shown as text and never runs.
(function () {
  const MAX_SHOWN = 200;
  const OPEN = new Set(["pending", "approved", "onair"]);
  const STATUS_LABELS = { pending: "en attente", approved: "approuvée", onair: "à l'antenne", answered: "répondue", hidden: "masquée" };
  const PLATFORM_LABELS = { twitch: "Twitch", youtube: "YouTube", local: "Chat de test" };
  const FILTER_LABELS = { open: "ouvertes", all: "toutes", pending: "en attente", approved: "approuvées", onair: "à l'antenne", answered: "répondues", hidden: "masquées" };
  const ACTIONS = {
    pending: [["approve", "Approuver"], ["onair", "À l'antenne"], ["hide", "Masquer"]],
    approved: [["onair", "À l'antenne"], ["hide", "Masquer"]],
    onair: [["answered", "Répondue"], ["hide", "Masquer"]],
    answered: [["onair", "À l'antenne"], ["hide", "Masquer"]],
    hidden: [["restore", "Restaurer"]],
  };

  const $ = (id) => document.getElementById(id);
  const list = $("question-list");
  const state = {
    questions: new Map(),
    counters: null,
    config: { files: [] },
    filterStatus: "open",
    filterPlatform: "",
    selectedId: null,
    visible: [],
    omitted: 0, // questions the snapshot left out (closed ones, open ones past its cap)
    loaded: new Set(), // filters already asked of GET /api/questions since the last snapshot
  };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // ---- live feed (Server-Sent Events) ----
  let source = null;
  let renderPending = false;

  function setConnection(kind, text) {
    const node = $("connection");
    node.dataset.state = kind;
    node.textContent = text;
  }

  function connect() {
    source = new EventSource("/events");
    // Other panels (polls.js) listen on the same stream.
    document.dispatchEvent(new CustomEvent("livebot:source", { detail: source }));
    source.addEventListener("open", () => setConnection("live", "en direct"));
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED) {
        // Refused (token no longer valid) or a hard failure: try again a little later.
        setConnection("closed", "déconnecté : si cela dure, rouvrez le lien affiché au démarrage");
        source.close();
        setTimeout(connect, 5000);
      } else {
        setConnection("reconnecting", "reconnexion…");
      }
    });
    source.addEventListener("snapshot", (e) => {
      const data = JSON.parse(e.data);
      state.questions = new Map(data.questions.map((q) => [q.id, q]));
      state.omitted = data.omitted || 0;
      state.loaded = new Set();
      state.counters = data.counters;
      state.config = data.config;
      $("test-chat").hidden = !data.localChat; // LocalChat:Enabled = false: no test chat
      scheduleRender();
      loadShown();
    });
    source.addEventListener("question", (e) => {
      const change = JSON.parse(e.data);
      const q = change.question;
      if (change.kind === "removed") {
        state.questions.delete(q.id);
      } else {
        const known = state.questions.get(q.id);
        // Changes may cross a snapshot: never let an older state replace a newer one.
        if (!known || Date.parse(q.updatedAt) >= Date.parse(known.updatedAt)) state.questions.set(q.id, q);
      }
      scheduleRender();
    });
    source.addEventListener("counters", (e) => { state.counters = JSON.parse(e.data); scheduleRender(); });
    source.addEventListener("offers", (e) => {
      // One line about the offers mirror (API Alternance); null with the demo.
      const line = JSON.parse(e.data).line;
      $("offers-status").textContent = line || "";
      $("offers-status").hidden = !line;
    });
    source.addEventListener("config", (e) => { state.config = JSON.parse(e.data); scheduleRender(); });
  }

  // The snapshot holds the open questions; what a filter shows beyond them is asked for once, then kept up to date
  // by the live events. A question already known keeps its newer state.
  async function loadShown() {
    const f = state.filterStatus;
    if (state.omitted === 0 || state.loaded.has(f)) return;
    state.loaded.add(f);
    const query = f === "all" || f === "open" ? "" : "?status=" + encodeURIComponent(f);
    try {
      const res = await fetch("/api/questions" + query, { cache: "no-store" });
      if (!res.ok) { state.loaded.delete(f); return; }
      const body = await res.json();
      for (const q of body.questions || []) {
        const known = state.questions.get(q.id);
        if (!known || Date.parse(q.updatedAt) >= Date.parse(known.updatedAt)) state.questions.set(q.id, q);
      }
      scheduleRender();
    } catch (_) {
      state.loaded.delete(f);
    }
  }

  function scheduleRender() {
    if (renderPending) return;
    renderPending = true;
    requestAnimationFrame(() => { renderPending = false; render(false); });
  }

  // ---- rendering ----
  function compare(a, b) {
    return (b.votes - a.votes) || (Date.parse(a.createdAt) - Date.parse(b.createdAt)) || (a.id - b.id);
  }

  function matches(q) {
    const f = state.filterStatus;
    const statusOk = f === "all" || (f === "open" ? OPEN.has(q.status) : q.status === f);
    return statusOk && (!state.filterPlatform || q.platform === state.filterPlatform);
  }

  function platformIcon(platform) {
    const known = Object.prototype.hasOwnProperty.call(PLATFORM_LABELS, platform);
    const img = el("img", "platform-icon");
    img.src = "/assets/" + (known ? platform : "local") + ".svg";
    img.alt = known ? PLATFORM_LABELS[platform] : platform;
    img.title = img.alt;
    img.width = 20;
    img.height = 20;
    return img;
  }

  function time(iso) {
    const d = new Date(iso);
    return isNaN(d) ? "" : d.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" });
  }

  function item(q) {
    const li = el("li", "question");
    li.dataset.id = String(q.id);
    li.dataset.status = q.status;
    if (q.id === state.selectedId) li.classList.add("selected");
    li.setAttribute("aria-selected", q.id === state.selectedId ? "true" : "false");

    const votes = el("div", "votes");
    votes.append(el("b", "vote-count", q.votes), el("span", null, q.votes > 1 ? "votes" : "vote"));

    const body = el("div", "body");
    body.append(el("p", "text", q.text));
    const meta = el("p", "meta");
    meta.append(platformIcon(q.platform), el("span", "author", q.authorName), el("span", "number", "#" + q.id),
      el("span", "time", time(q.createdAt)), el("span", "status status-" + q.status, STATUS_LABELS[q.status] || q.status));
    if (q.held) meta.append(el("span", "held", "retenue" + (q.heldReason ? " : " + q.heldReason : "")));
    if (q.status === "hidden" && q.hiddenReason) meta.append(el("span", "hidden-reason", "masquée : " + q.hiddenReason));
    body.append(meta);

    const actions = el("div", "actions");
    // A held question cannot go on air before a moderator approves it: no button for that.
    for (const [action, label] of (ACTIONS[q.status] || []).filter(([a]) => !(q.held && a === "onair"))) {
      const button = el("button", "action action-" + action, label);
      button.type = "button";
      button.dataset.action = action;
      actions.append(button);
    }

    li.append(votes, body, actions);
    return li;
  }

  function render(scrollToSelection) {
    const all = Array.from(state.questions.values());
    const shown = all.filter(matches).sort(compare);
    state.visible = shown.slice(0, MAX_SHOWN);
    if (state.selectedId !== null && !state.visible.some((q) => q.id === state.selectedId)) {
      state.selectedId = state.visible.length ? state.visible[0].id : null;
    }
    if (state.selectedId === null && state.visible.length) state.selectedId = state.visible[0].id;
    list.replaceChildren(...state.visible.map(item));
    $("empty").hidden = state.visible.length > 0;
    const more = $("more");
    more.hidden = shown.length <= MAX_SHOWN;
    more.textContent = "… et " + (shown.length - MAX_SHOWN) + " autres questions moins votées.";

    renderCounters();
    renderFilterSummary();
    renderOnAir(all);
    renderConfig();
    const selected = list.querySelector("li.selected");
    if (scrollToSelection && selected) selected.scrollIntoView({ block: "nearest" });
  }

  function renderCounters() {
    const c = state.counters;
    if (!c) return;
    $("count-pending").textContent = c.pending;
    $("count-approved").textContent = c.approved;
    $("count-onair").textContent = c.onAir;
    $("count-answered").textContent = c.answered;
    $("count-hidden").textContent = c.hidden;
    $("count-total").textContent = c.total;
    for (const b of document.querySelectorAll(".counter")) {
      b.classList.toggle("active", b.dataset.filter === state.filterStatus);
    }
  }

  // On a phone the filters are folded: their summary says what is shown.
  function renderFilterSummary() {
    const platform = state.filterPlatform ? PLATFORM_LABELS[state.filterPlatform] || state.filterPlatform : "toutes plateformes";
    $("filters-summary").textContent = ": " + (FILTER_LABELS[state.filterStatus] || state.filterStatus) + " · " + platform;
  }

  function renderOnAir(all) {
    const onAir = all.filter((q) => q.status === "onair").sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0];
    $("onair-panel").hidden = !onAir;
    $("onair-text").textContent = onAir ? onAir.text : "";
    $("onair-meta").textContent = onAir ? onAir.authorName + " · " + (PLATFORM_LABELS[onAir.platform] || onAir.platform) + " · #" + onAir.id : "";
  }

  function renderConfig() {
    const errors = (state.config.files || []).filter((f) => !f.ok);
    $("config-errors").hidden = errors.length === 0;
    $("config-error-list").replaceChildren(...errors.map((f) => el("li", null, f.error)));
  }

  // ---- actions ----
  function notice(text) {
    const node = $("notice");
    node.textContent = text;
    node.hidden = !text;
  }

  async function act(id, action) {
    if (id === null || id === undefined) return;
    try {
      const res = await fetch("/api/questions/" + encodeURIComponent(id) + "/" + action, { method: "POST" });
      if (res.ok) { notice(""); return; } // the change comes back through the live feed
      let message = "Erreur " + res.status;
      try { message = (await res.json()).error || message; } catch { /* not JSON */ }
      notice(message);
    } catch (err) {
      notice("Le bot ne répond pas : " + err);
    }
  }

  list.addEventListener("click", (e) => {
    const li = e.target.closest("li.question");
    if (!li) return;
    state.selectedId = Number(li.dataset.id);
    const button = e.target.closest("button[data-action]");
    if (button) act(state.selectedId, button.dataset.action);
    render();
  });

  function move(delta) {
    if (!state.visible.length) return;
    let index = state.visible.findIndex((q) => q.id === state.selectedId);
    index = Math.min(state.visible.length - 1, Math.max(0, index + delta));
    state.selectedId = state.visible[index].id;
    render(true);
  }

  function setStage(on) {
    document.body.classList.toggle("stage", on);
    $("stage-toggle").setAttribute("aria-pressed", on ? "true" : "false");
    try { localStorage.setItem("livebot.stage", on ? "1" : "0"); } catch { /* private mode */ }
  }

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    const target = e.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
    // Enter on a button, link or folded panel's title (<summary>) is that element's own action.
    if (e.key === "Enter" && (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || (target instanceof Element && target.closest("summary")))) return;
    const keys = {
      j: () => move(1),
      ArrowDown: () => move(1),
      k: () => move(-1),
      ArrowUp: () => move(-1),
      Enter: () => act(state.selectedId, "onair"),
      a: () => act(state.selectedId, "answered"),
      h: () => act(state.selectedId, "hide"),
      v: () => act(state.selectedId, "approve"),
      r: () => act(state.selectedId, "restore"),
      s: () => setStage(!document.body.classList.contains("stage")),
    };
    const run = keys[e.key];
    if (run) { e.preventDefault(); run(); }
  });

  // ---- filters, stage mode ----
  $("filter-status").addEventListener("change", (e) => { state.filterStatus = e.target.value; render(); loadShown(); });
  $("filter-platform").addEventListener("change", (e) => { state.filterPlatform = e.target.value; render(); });
  for (const b of document.querySelectorAll(".counter")) {
    b.addEventListener("click", () => {
      state.filterStatus = b.dataset.filter;
      $("filter-status").value = b.dataset.filter;
      render();
      loadShown();
    });
  }
  $("stage-toggle").addEventListener("click", () => setStage(!document.body.classList.contains("stage")));
  // Filters folded on a phone, open on wider screens (their summary is only shown on phones).
  const phone = window.matchMedia("(max-width: 600px)");
  const fold = () => { $("filters-fold").open = !phone.matches; };
  phone.addEventListener("change", fold);
  fold();
  try { if (localStorage.getItem("livebot.stage") === "1") setStage(true); } catch { /* private mode */ }

  // ---- test chat (POST /api/chat) ----
  const log = $("test-chat-log");
  const touchScreen = window.matchMedia("(pointer: coarse)");
  // A phone's keyboard shrinks the viewport (interactive-widget=resizes-content), new questions push the
  // box down: while typing there, keep the field in sight.
  function keepTypingInSight() {
    const active = document.activeElement;
    if (active && active.closest && active.closest("#test-chat-form")) $("test-chat-form").scrollIntoView({ block: "nearest" });
  }
  window.addEventListener("resize", keepTypingInSight);
  if (window.visualViewport) window.visualViewport.addEventListener("resize", keepTypingInSight);
  new ResizeObserver(keepTypingInSight).observe(document.body); // questions arriving above push the box down
  function line(who, text, cls) {
    const li = el("li", cls, who + " : " + text);
    log.appendChild(li);
    log.scrollTop = log.scrollHeight;
    keepTypingInSight();
  }
  $("test-chat-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const user = $("test-chat-user").value || "alice";
    const input = $("test-chat-text");
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    if (touchScreen.matches) input.focus(); // the on-screen keyboard stays open for the next line
    line(user, text, "viewer");
    try {
      const roles = [$("test-chat-role").value];
      const res = await fetch("/api/chat", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ user, text, roles }) });
      const body = await res.json();
      if (!res.ok) { line("erreur", body.error || body.detail || res.status, "error"); return; }
      for (const r of body.replies) line("LiveBot", r, "bot");
    } catch (err) { line("erreur", String(err), "error"); }
  });

  render();
  connect();
})();
