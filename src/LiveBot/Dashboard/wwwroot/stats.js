"use strict";
// The "Statistiques" tab: fed by the page's one event stream ("stats" events, pushed by the bot after
// each write of its counts; no polling). Charts are SVG built with attributes only (the page's CSP has no
// inline style); every chart has a title and a table for screen readers. Text goes in through textContent.
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const PLATFORMS = { twitch: ["Twitch", "#CC79A7"], youtube: ["YouTube", "#D55E00"], local: ["Chat de test", "#009E73"] };
  const $ = (id) => document.getElementById(id);
  let last = null;

  function platform(name) { return PLATFORMS[name] || [name, "#E69F00"]; }
  function el(tag, text) { const n = document.createElement(tag); if (text !== undefined) n.textContent = String(text); return n; }
  function svg(tag, attrs, text) {
    const n = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
    if (text !== undefined) n.textContent = String(text);
    return n;
  }
  function hhmm(iso) { return new Date(iso).toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" }); }
  function fr(n) { return Number(n).toLocaleString("fr-FR"); }

  function table(caption, head, rows) {
    const t = el("table"); t.className = "sr-only";
    t.append(el("caption", caption));
    const tr = el("tr"); head.forEach((h) => tr.append(el("th", h))); t.append(tr);
    rows.forEach((r) => { const row = el("tr"); r.forEach((c) => row.append(el("td", c))); t.append(row); });
    return t;
  }

  function timeline(data) {
    const fig = $("stats-timeline"); fig.replaceChildren();
    fig.append(el("figcaption", "Lignes de chat par minute (heure de Paris)"));
    const points = data.timeline || [];
    if (points.length === 0) { fig.append(el("p", "Pas encore de ligne de chat.")); return; }
    const minutes = [...new Set(points.map((p) => p.minute))].sort();
    const start = Date.parse(minutes[0]);
    const span = Math.max(1, Math.round((Date.parse(minutes[minutes.length - 1]) - start) / 60000));
    const max = Math.max(1, ...points.map((p) => p.chatLines));
    const W = 900, H = 260, L = 50, R = 130, T = 10, B = 40;
    const x = (iso) => L + ((Date.parse(iso) - start) / 60000) * (W - L - R) / span;
    const y = (v) => T + (H - T - B) * (1 - v / max);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Lignes de chat par minute et par plateforme" });
    root.append(svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: "#333" }), svg("line", { x1: L, y1: T, x2: L, y2: H - B, stroke: "#333" }));
    for (let i = 0; i <= 4; i++) {
      const v = Math.round(max * i / 4);
      root.append(svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 11 }, v));
    }
    for (let i = 0; i <= 6; i++) {
      const iso = new Date(start + Math.round(span * i / 6) * 60000).toISOString();
      root.append(svg("text", { x: x(iso), y: H - B + 16, "text-anchor": "middle", "font-size": 11 }, hhmm(iso)));
    }
    root.append(svg("text", { x: (W - R + L) / 2, y: H - 4, "text-anchor": "middle", "font-size": 12 }, "heure (Paris)"));
    root.append(svg("text", { x: 12, y: (H - B) / 2, transform: `rotate(-90 12 ${(H - B) / 2})`, "text-anchor": "middle", "font-size": 12 }, "lignes / minute"));
    const names = [...new Set(points.map((p) => p.platform))];
    names.forEach((name, i) => {
      const [label, color] = platform(name);
      const own = points.filter((p) => p.platform === name);
      const d = minutes.map((m, j) => { const p = own.find((q) => q.minute === m); return `${j ? "L" : "M"}${x(m).toFixed(1)},${y(p ? p.chatLines : 0).toFixed(1)}`; }).join("");
      root.append(svg("path", { d, fill: "none", stroke: color, "stroke-width": 2 }));
      root.append(svg("rect", { x: W - R + 10, y: T + 6 + i * 20, width: 14, height: 4, fill: color }), svg("text", { x: W - R + 30, y: T + 12 + i * 20, "font-size": 12 }, label));
    });
    (data.onAir || []).forEach((mark) => {
      const mx = x(mark.time);
      root.append(svg("line", { x1: mx, y1: T, x2: mx, y2: H - B, stroke: "#000", "stroke-dasharray": "2 3" }), svg("text", { x: mx + 3, y: T + 10, "font-size": 11 }, "#" + mark.questionId));
    });
    fig.append(root, table("Lignes de chat par minute", ["Minute", "Plateforme", "Lignes", "Commandes"],
      points.map((p) => [hhmm(p.minute), platform(p.platform)[0], fr(p.chatLines), fr(p.commands)])));
  }

  function bars(id, title, items, color) {
    const fig = $(id); fig.replaceChildren();
    fig.append(el("figcaption", title));
    if (!items || items.length === 0) { fig.append(el("p", "Aucune demande pour l'instant.")); return; }
    const W = 440, row = 22, L = 170, H = items.length * row + 30;
    const max = Math.max(...items.map((i) => i.count));
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": title });
    items.forEach((item, i) => {
      const w = Math.max(2, (W - L - 50) * item.count / max);
      root.append(svg("text", { x: L - 6, y: i * row + 15, "text-anchor": "end", "font-size": 12 }, item.label.length > 26 ? item.label.slice(0, 25) + "…" : item.label));
      root.append(svg("rect", { x: L, y: i * row + 4, width: w.toFixed(1), height: row - 8, fill: color }));
      root.append(svg("text", { x: L + w + 4, y: i * row + 15, "font-size": 12 }, fr(item.count)));
    });
    root.append(svg("text", { x: L + (W - L) / 2, y: H - 6, "text-anchor": "middle", "font-size": 12 }, "demandes d'offres"));
    fig.append(root, table(title, ["Libellé", "Demandes"], items.map((i) => [i.label, fr(i.count)])));
  }

  function render() {
    if (!last || $("stats").hidden) return;
    const t = last.totals;
    const share = last.answeredShare == null ? "–" : Math.round(last.answeredShare * 100) + " %";
    $("stats-totals").textContent = `${fr(t.chatLines)} lignes · ${fr(t.commands)} commandes (${share} répondues) · ${fr(t.offerRequests)} demandes d'offres · ${fr(t.questions)} questions · ${fr(t.votes)} votes`;
    timeline(last);
    bars("stats-jobs", "Métiers les plus demandés", last.jobs, "#0072B2");
    bars("stats-places", "Lieux les plus demandés", last.places, "#56B4E9");
  }

  function select(stats) {
    $("stats").hidden = !stats;
    $("questions-view").hidden = stats;
    $("tab-stats").setAttribute("aria-selected", String(stats));
    $("tab-questions").setAttribute("aria-selected", String(!stats));
    render();
  }

  document.addEventListener("livebot:source", (e) => {
    e.detail.addEventListener("stats", (msg) => { last = JSON.parse(msg.data); render(); });
  });
  document.addEventListener("DOMContentLoaded", () => {
    $("tab-stats").addEventListener("click", () => select(true));
    $("tab-questions").addEventListener("click", () => select(false));
  });
})();
