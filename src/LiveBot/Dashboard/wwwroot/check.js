"use strict";
// The "Préparation du direct" panel: the same checklist as `livebot check`, read from GET /api/check (the
// last run of this bot) and run again with POST /api/check (the page's cookie carries the token, like its
// other POSTs). Every text from the API reaches the DOM through textContent only.
(function () {
  const $ = (id) => document.getElementById(id);
  const SYMBOLS = { ok: "✓", warning: "⚠", failed: "✗" };
  let running = false;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function hhmm(iso) {
    const d = new Date(iso);
    return isNaN(d) ? "" : d.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  }

  function status(text, kind) {
    const node = $("check-status");
    node.textContent = text || "";
    node.dataset.kind = kind || "info";
    node.hidden = !text;
  }

  function line(l) {
    const kind = Object.prototype.hasOwnProperty.call(SYMBOLS, l.status) ? l.status : "failed";
    const li = el("li", "check-line");
    li.dataset.status = kind;
    li.append(el("span", "check-symbol", l.symbol || SYMBOLS[kind]), document.createTextNode(" "), el("b", "check-point", l.point), el("span", "check-sep", " : "), el("span", "check-found", l.found));
    if (l.fix) li.append(el("p", "check-fix", "→ " + l.fix));
    return li;
  }

  function render(report) {
    const lines = Array.isArray(report.lines) ? report.lines : [];
    const failed = lines.some((l) => l.status === "failed");
    const warned = lines.some((l) => l.status === "warning");
    $("check-panel").dataset.state = failed ? "failed" : warned ? "warning" : "ok";
    $("check-lines").replaceChildren(...lines.map(line));
    $("check-summary").textContent = " : " + String(report.summary || "").replace(/\.$/, "") + " (vérifié à " + hhmm(report.ranAt) + ")";
    $("check-run").textContent = "Relancer la vérification";
  }

  function notYet(message) {
    $("check-panel").dataset.state = "none";
    $("check-lines").replaceChildren();
    $("check-summary").textContent = " : pas encore vérifiée depuis le démarrage du bot";
    status(message || "", "info");
  }

  async function errorOf(res) {
    try { return (await res.json()).error || "Erreur " + res.status; } catch { return "Erreur " + res.status; }
  }

  async function load() {
    if (running) return;
    try {
      const res = await fetch("/api/check", { headers: { Accept: "application/json" } });
      if (running) return; // a run started meanwhile: its answer wins
      if (res.status === 404) { notYet(await errorOf(res)); return; }
      if (!res.ok) { status(await errorOf(res), "error"); return; }
      render(await res.json());
      status("", "info");
    } catch (err) {
      status("Le bot ne répond pas : " + err, "error");
    }
  }

  async function run() {
    if (running) return;
    running = true;
    const button = $("check-run");
    button.disabled = true;
    button.textContent = "Vérification en cours…";
    $("check-lines").setAttribute("aria-busy", "true");
    status("Vérification en cours : chaque point a au plus quelques secondes pour répondre.", "info");
    try {
      const res = await fetch("/api/check", { method: "POST", headers: { Accept: "application/json" } });
      if (!res.ok) { status(await errorOf(res), "error"); return; }
      render(await res.json());
      status("", "info");
    } catch (err) {
      status("Le bot ne répond pas : " + err, "error");
    } finally {
      running = false;
      button.disabled = false;
      if (button.textContent === "Vérification en cours…") button.textContent = $("check-lines").children.length ? "Relancer la vérification" : "Lancer la vérification";
      $("check-lines").removeAttribute("aria-busy");
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("check-run").addEventListener("click", run);
    // Opening the panel shows the latest run, maybe started by another presenter meanwhile.
    $("check-panel").addEventListener("toggle", () => { if ($("check-panel").open) load(); });
    load();
  });
})();
