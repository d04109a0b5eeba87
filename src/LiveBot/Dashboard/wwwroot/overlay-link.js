"use strict";
// The "Overlay OBS" link carries the overlay's own key (GET /api/overlay): OBS opened with it always finds a slot.
(function () {
  const link = document.getElementById("overlay-link");
  if (!link) return;
  fetch("/api/overlay", { cache: "no-store" })
    .then((res) => (res.ok ? res.json() : null))
    .then((body) => {
      if (body && typeof body.path === "string" && body.path.startsWith("/overlay?")) {
        link.setAttribute("href", body.path);
        link.title = "Adresse à coller dans une source « Navigateur » d'OBS (1920 × 1080)";
      }
    })
    .catch(() => { /* the link without a key still works, within the keyless share */ });
})();
