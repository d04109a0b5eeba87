"use strict";
// The poll on the OBS overlay: question, one animated bar per choice with votes and %, and the total.
// Texts only ever go in with textContent.
(function () {
  const box = document.getElementById("poll");
  let shownId = null;

  function votes(n) { return n === 0 ? "aucun vote" : n === 1 ? "1 vote" : n.toLocaleString("fr-FR") + " votes"; }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Bars are kept from one update to the next so that their width animates.
  function fillBars(poll) {
    const list = document.getElementById("poll-bars");
    if (shownId !== poll.id || list.children.length !== poll.choices.length) {
      list.replaceChildren(...poll.choices.map((c, i) => {
        const li = el("li", "poll-bar");
        const label = el("span", "poll-label");
        label.append(el("b", "poll-number", "!" + (i + 1)), el("span", "poll-text", c.text));
        const track = el("span", "poll-track");
        track.append(el("span", "poll-fill"));
        li.append(label, track, el("span", "poll-percent"), el("span", "poll-votes"));
        return li;
      }));
    }
    const top = Math.max(0, ...poll.choices.map((c) => c.votes));
    poll.choices.forEach((c, i) => {
      const li = list.children[i];
      li.classList.toggle("winner", poll.status === "closed" && c.votes === top && top > 0);
      li.querySelector(".poll-fill").style.width = c.percent + "%";
      li.querySelector(".poll-percent").textContent = c.percent + " %";
      li.querySelector(".poll-votes").textContent = String(c.votes);
    });
  }

  function show(poll) {
    if (!poll) {
      box.classList.remove("shown");
      document.body.dataset.poll = "none";
      return;
    }
    fillBars(poll);
    shownId = poll.id;
    box.dataset.pollId = String(poll.id);
    box.dataset.status = poll.status;
    document.getElementById("poll-heading").textContent = poll.status === "open" ? "Sondage" : "Résultat";
    document.getElementById("poll-question").textContent = poll.question;
    document.getElementById("poll-total").textContent = votes(poll.total);
    document.body.dataset.poll = poll.status;
    requestAnimationFrame(() => box.classList.add("shown"));
  }

  document.body.dataset.poll = "none";
  document.addEventListener("livebot:source", (e) => {
    e.detail.addEventListener("poll", (m) => show(JSON.parse(m.data).poll));
  });
})();
