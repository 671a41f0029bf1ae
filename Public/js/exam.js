// LeSocial — exam page: countdown from the server's remaining time, autosave on
// every change, an offline queue replayed when the network returns, keyboard
// shortcuts. The page works without it: each question form posts normally.
"use strict";

(() => {
  const root = document.getElementById("epreuve");
  if (!root) return;

  const form = document.getElementById("formulaire-question");
  const saveState = document.getElementById("etat-sauvegarde");
  const alertRegion = document.getElementById("alerte-temps");
  const chrono = root.querySelector("[data-role=chrono]");
  const token = root.dataset.token;
  const saveURL = root.dataset.saveUrl;
  const csrf = root.dataset.csrf;
  const kind = root.dataset.kind;
  const queueKey = `lesocial:file:${token}`;
  const seqKey = `lesocial:seq:${token}`;

  // Timer: the server's remaining time, counted down against the monotonic clock.
  const startedAt = performance.now();
  const remainingAtLoad = Number(root.dataset.remainingMs);
  let warnedFive = remainingAtLoad <= 5 * 60 * 1000;
  let warnedOne = remainingAtLoad <= 60 * 1000;

  function remaining() {
    return Math.max(0, remainingAtLoad - (performance.now() - startedAt));
  }

  function format(ms) {
    const total = Math.ceil(ms / 1000);
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = total % 60;
    const mm = String(minutes).padStart(2, "0");
    const ss = String(seconds).padStart(2, "0");
    return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
  }

  function announce(text) {
    alertRegion.textContent = text;
    alertRegion.classList.remove("visually-hidden");
    alertRegion.classList.add("notice", "notice-warning");
  }

  function tick() {
    const left = remaining();
    chrono.textContent = format(left);
    if (!warnedFive && left <= 5 * 60 * 1000) {
      warnedFive = true;
      announce("Attention : il reste 5 minutes.");
    }
    if (!warnedOne && left <= 60 * 1000) {
      warnedOne = true;
      chrono.classList.add("is-urgent");
      announce("Attention : il reste 1 minute.");
    }
    if (left <= 0) {
      clearInterval(timer);
      flush().finally(() => window.location.assign(root.dataset.resumeUrl));
    }
  }
  const timer = setInterval(tick, 250);
  tick();

  // Sequence numbers only grow, across reloads and devices (the server sends its latest).
  function nextSeq() {
    const stored = Number(localStorage.getItem(seqKey) || 0);
    const seq = Math.max(stored, Number(root.dataset.seq || 0)) + 1;
    localStorage.setItem(seqKey, String(seq));
    return seq;
  }

  function currentAnswer() {
    const data = new FormData(form);
    const flagged = data.get("marquer") === "1";
    if (kind === "multipleChoice") return { response: { choices: data.getAll("reponse").map(Number) }, flagged };
    if (kind === "singleChoice") {
      const value = data.get("reponse");
      return { response: value === null ? null : { choice: Number(value) }, flagged };
    }
    if (kind === "trueFalse") {
      const value = data.get("reponse");
      return { response: value === null ? null : { trueFalse: value === "vrai" }, flagged };
    }
    if (kind === "matching") {
      const pairs = {};
      for (const [name, value] of data.entries()) {
        if (name.startsWith("association-") && value !== "") pairs[name.slice(12)] = value;
      }
      return { response: { matching: pairs }, flagged };
    }
    const text = data.get("reponse") || "";
    return { response: text === "" ? null : { text }, flagged };
  }

  function loadQueue() {
    try {
      return JSON.parse(localStorage.getItem(queueKey) || "[]");
    } catch {
      return [];
    }
  }

  function storeQueue(queue) {
    localStorage.setItem(queueKey, JSON.stringify(queue));
  }

  function show(text, state) {
    saveState.textContent = text;
    saveState.dataset.state = state;
  }

  let sending = false;

  // Sends queued saves in order; stops at the first network failure and retries later.
  async function flush() {
    if (sending) return;
    sending = true;
    try {
      let queue = loadQueue();
      while (queue.length > 0) {
        const save = queue[0];
        let reply;
        try {
          reply = await fetch(save.url, {
            method: "PUT",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, Accept: "application/json" },
            body: JSON.stringify(save.body),
          });
        } catch {
          show("Hors ligne : réponse gardée sur cet appareil, envoi dès le retour du réseau", "offline");
          return;
        }
        queue = loadQueue().filter((item) => item.body.seq !== save.body.seq || item.url !== save.url);
        storeQueue(queue);
        if (reply.ok) {
          const receipt = await reply.json().catch(() => ({}));
          if (receipt.outcome === "stale") {
            // Another device saved this question with a later number: ours was not kept. The next change
            // here must win, so number it after theirs.
            localStorage.setItem(seqKey, String(Math.max(Number(localStorage.getItem(seqKey) || 0), receipt.seq || 0)));
            show(
              "Non enregistrée : une réponse plus récente, envoyée d'un autre appareil, est déjà gardée. " +
                "Rechargez la page pour la voir, ou modifiez votre réponse pour la remplacer.",
              "stale",
            );
          } else {
            show("Enregistré", "saved");
          }
        } else {
          const problem = await reply.json().catch(() => ({}));
          show(problem.message || "Réponse refusée par le serveur", "error");
          if (problem.code === "deadline_passed" || problem.code === "attempt_closed") {
            storeQueue([]);
            window.location.assign(root.dataset.resumeUrl);
            return;
          }
        }
      }
    } finally {
      sending = false;
    }
  }

  let debounce;
  function queueSave() {
    const answer = currentAnswer();
    const body = { response: answer.response, flagged: answer.flagged, seq: nextSeq(), timeSpentMs: Math.round(performance.now() - startedAt) };
    const queue = loadQueue().filter((item) => item.url !== saveURL);
    queue.push({ url: saveURL, body });
    storeQueue(queue);
    show("Enregistrement…", "saving");
    clearTimeout(debounce);
    debounce = setTimeout(flush, kind === "essay" || kind === "shortAnswer" || kind === "numerical" ? 600 : 0);
  }

  form.addEventListener("change", queueSave);
  form.addEventListener("input", (event) => {
    if (event.target.tagName === "TEXTAREA" || event.target.type === "text") queueSave();
  });
  window.addEventListener("online", flush);
  setInterval(flush, 5000);
  flush();

  // Before leaving the page by a button, send what is pending (the form also posts it).
  form.addEventListener("submit", () => storeQueue(loadQueue().filter((item) => item.url !== saveURL)));

  // Leaving by a link or another form (navigator, "Terminer", next section): send pending saves first,
  // so the next page (e.g. the list of unanswered questions) sees them.
  async function leaveAfterFlush(go) {
    clearTimeout(debounce);
    await flush();
    go();
  }

  for (const link of root.querySelectorAll("a[href]")) {
    link.addEventListener("click", (event) => {
      if (loadQueue().length === 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      leaveAfterFlush(() => window.location.assign(link.href));
    });
  }

  for (const other of root.querySelectorAll("form:not(#formulaire-question)")) {
    other.addEventListener("submit", (event) => {
      const button = other.querySelector("[data-confirm]");
      if (button && !window.confirm(button.dataset.confirm)) {
        event.preventDefault();
        return;
      }
      if (loadQueue().length === 0) return;
      event.preventDefault();
      leaveAfterFlush(() => other.submit());
    });
  }

  // Keyboard: Alt+N next question, Alt+P previous, Alt+M mark for review.
  document.addEventListener("keydown", (event) => {
    if (!event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === "n" || key === "p") {
      const target = form.querySelector(key === "n" ? "button[value]:last-of-type" : "button.button-secondary[value]");
      if (target) {
        event.preventDefault();
        target.click();
      }
    } else if (key === "m") {
      const flag = document.getElementById("marquer");
      flag.checked = !flag.checked;
      flag.dispatchEvent(new Event("change", { bubbles: true }));
      event.preventDefault();
    }
  });
})();
