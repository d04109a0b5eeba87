"use strict";
(function () {
  const log = document.getElementById("test-chat-log");
  function line(who, text, cls) {
    const li = document.createElement("li");
    li.className = cls;
    li.textContent = who + " : " + text; // textContent: viewer text is never HTML
    log.appendChild(li);
    log.scrollTop = log.scrollHeight;
  }
  document.getElementById("test-chat-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const user = document.getElementById("test-chat-user").value || "alice";
    const input = document.getElementById("test-chat-text");
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    line(user, text, "viewer");
    try {
      const res = await fetch("/api/chat", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ user, text }) });
      const body = await res.json();
      if (!res.ok) { line("erreur", body.error || body.detail || res.status, "error"); return; }
      for (const r of body.replies) line("LiveBot", r, "bot");
    } catch (err) { line("erreur", String(err), "error"); }
  });
  async function health() {
    try {
      const res = await fetch("/healthz");
      const h = await res.json();
      document.getElementById("status").textContent = h.status === "ok" ? "tout va bien" : "dégradé";
      const box = document.getElementById("config-errors");
      const errors = Object.entries(h.config).filter(([, v]) => v !== "ok");
      box.hidden = errors.length === 0;
      box.textContent = errors.map(([k, v]) => k + " : " + v).join("\n");
    } catch { /* bot stopping */ }
  }
  health();
  setInterval(health, 5000);
})();
