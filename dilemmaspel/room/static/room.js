/* dilemmaspel room pages: the phone and the presenter. Plain JavaScript, no libraries.
   Views arrive as Server-Sent Events (a full view on every connect); forms are posted with fetch.
   Everything a person typed is put in the page as text (textContent), never as HTML. */
(function () {
  "use strict";

  var body = document.body;
  var page = body.getAttribute("data-page");
  function meta(name) {
    var node = document.querySelector('meta[name="' + name + '"]');
    return node ? node.getAttribute("content") : "";
  }
  var csrf = meta("csrf");
  var lang = meta("lang") || "nl";
  var eventsUrl = meta("events");
  var root = document.getElementById("view");
  var statusLine = document.getElementById("status");
  var L = {};
  var sections = {};
  var offset = 0;
  var current = null;
  var source = null;
  var noteTimer = null;

  function fmt(key, params) {
    var text = L[key] || key;
    Object.keys(params || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(params[name]));
    });
    return text;
  }

  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name === "class") node.className = value;
      else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function setStatus(key) {
    statusLine.textContent = fmt(key);
  }

  /* Sections are rebuilt only when their key changes, so typing is never interrupted. */
  function section(name, key, build) {
    var old = sections[name];
    if (key === null) {
      if (old) { old.node.remove(); delete sections[name]; }
      return;
    }
    if (old && old.key === key) {
      root.appendChild(old.node);
      return;
    }
    var node = build();
    node.setAttribute("data-section", name);
    if (old) old.node.replaceWith(node);
    sections[name] = { key: key, node: node };
    root.appendChild(node);
  }

  function optionLabel(round, choice, other) {
    if (choice === "other") return L.option_other + ": " + (other || "");
    var found = (round.options || []).filter(function (o) { return o.option === choice; })[0];
    return found ? choice + ". " + found.text : choice;
  }

  function post(path, fields, statusNode, done) {
    var data = new URLSearchParams();
    data.append("csrf", csrf);
    Object.keys(fields).forEach(function (name) { data.append(name, fields[name]); });
    if (statusNode) statusNode.textContent = fmt("sending");
    return fetch(path + "?lang=" + encodeURIComponent(lang), {
      method: "POST", body: data, credentials: "same-origin", cache: "no-store"
    }).then(function (response) {
      return response.json().catch(function () { return { ok: false, error: response.statusText }; });
    }).then(function (answer) {
      if (answer.ok) {
        if (done) done(answer);
      } else if (statusNode) {
        statusNode.textContent = fmt("error", { message: answer.error || "" });
      }
      return answer;
    }).catch(function () {
      if (statusNode) statusNode.textContent = fmt("reconnecting");
      return { ok: false };
    });
  }

  // --- drafts: kept in sessionStorage until the server committed them ------------------------

  function draftKey(view, round) {
    return "draft:" + view.me.pid + ":" + round.number + ":" + round.voting;
  }
  function readDraft(key) {
    try { return JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function writeDraft(key, value) {
    try { sessionStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ }
  }
  function dropDraft(key) {
    try { sessionStorage.removeItem(key); } catch (e) { /* private mode */ }
  }

  // --- the phone ---------------------------------------------------------------------------------

  function voteForm(view, round) {
    var key = draftKey(view, round);
    var mine = round.mine;
    var draft = readDraft(key) || (mine ? { choice: mine.choice, other: mine.other, reasoning: mine.reasoning } : {});
    var form = el("form", { class: "card vote", novalidate: true });
    var fieldset = el("fieldset", {}, el("legend", { text: round.voting === 2 ? L.revote : L.choose }));
    var choices = (round.options || []).map(function (o) { return { option: o.option, text: o.option + ". " + o.text }; });
    choices.push({ option: "other", text: L.option_other });
    var otherInput = el("input", { type: "text", id: "other-words", name: "other", maxlength: "10000",
      "aria-label": L.other_words, value: draft.other || "" });
    choices.forEach(function (choice) {
      var id = "choice-" + choice.option;
      var radio = el("input", { type: "radio", name: "choice", id: id, value: choice.option,
        checked: draft.choice === choice.option });
      fieldset.appendChild(el("div", { class: "choice" }, radio, el("label", { for: id, text: choice.text })));
    });
    fieldset.appendChild(el("div", { class: "other" }, otherInput));
    form.appendChild(fieldset);
    var reasoning = el("textarea", { id: "reasoning", name: "reasoning", rows: "4", maxlength: "10000" });
    reasoning.value = draft.reasoning || "";
    form.appendChild(el("label", { for: "reasoning", text: L.reasoning }));
    form.appendChild(reasoning);
    var status = el("p", { class: "status", role: "status", id: "vote-status" });
    if (mine) status.textContent = L.received;
    form.appendChild(el("button", { type: "submit", class: "primary", text: mine ? L.change : L.vote }));
    form.appendChild(status);
    function values() {
      var picked = form.querySelector('input[name="choice"]:checked');
      return { choice: picked ? picked.value : "", other: otherInput.value, reasoning: reasoning.value };
    }
    form.addEventListener("input", function () { writeDraft(key, values()); status.textContent = ""; });
    otherInput.addEventListener("focus", function () {
      var radio = document.getElementById("choice-other");
      if (radio) radio.checked = true;
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var v = values();
      if (!v.choice) { status.textContent = L.pick_option; return; }
      post("/p/vote", { round: round.number, version: mine ? mine.version : 0, choice: v.choice,
        other: v.choice === "other" ? v.other : "", reasoning: v.reasoning }, status, function () {
        dropDraft(key);
        status.textContent = L.received;
      });
    });
    return form;
  }

  function resultBlock(round, result) {
    var block = el("section", { class: "card result" },
      el("h3", { text: result.phase === 2 ? L.result_second : L.result }));
    var list = el("ul", { class: "tally" });
    var total = result.total || 1;
    result.tally.forEach(function (row) {
      if (row.option === "other" && !row.count) return;
      var bar = el("span", { class: "bar", "aria-hidden": "true" });
      bar.style.width = Math.round(100 * row.count / total) + "%";
      list.appendChild(el("li", {},
        el("span", { class: "label", text: row.option === "other" ? L.option_other : row.option + ". " + row.text }),
        el("span", { class: "track" }, bar),
        el("span", { class: "count", text: String(row.count) })));
    });
    block.appendChild(list);
    block.appendChild(el("p", { class: "muted", text: fmt("count", { count: result.total }) }));
    if (result.split) {
      var split = el("ul", { class: "split", "aria-label": L.split });
      Object.keys(result.split).forEach(function (side) {
        var counts = result.split[side];
        var parts = Object.keys(counts).filter(function (o) { return counts[o]; }).map(function (o) {
          return (o === "other" ? L.option_other : o) + " " + counts[o];
        });
        split.appendChild(el("li", { text: (L["side." + side] || side) + ": " + parts.join(" · ") }));
      });
      block.appendChild(el("h4", { text: L.split }));
      block.appendChild(split);
    } else if (result.withheld) {
      block.appendChild(el("p", { class: "muted", text: L[result.withheld] || "" }));
    }
    if (result.shift) {
      if (result.shift.withheld) {
        block.appendChild(el("p", { class: "muted", text: L[result.shift.withheld] || "" }));
      } else {
        block.appendChild(el("p", { text: fmt("shift", { changed: result.shift.changed, voters: result.shift.voters }) }));
        var moves = el("ul", { class: "moves" });
        result.shift.moves.forEach(function (m) {
          moves.appendChild(el("li", { text: (m[0] === "other" ? L.option_other : m[0]) + " → " +
            (m[1] === "other" ? L.option_other : m[1]) + ": " + m[2] }));
        });
        block.appendChild(moves);
      }
    }
    if (result.reasons) {
      block.appendChild(el("h4", { text: L.reasons }));
      if (!result.reasons.length) block.appendChild(el("p", { text: L.no_reasons }));
      var reasons = el("ul", { class: "reasons" });
      result.reasons.forEach(function (r) {
        var who = r.name ? r.name + " · " : "";
        reasons.appendChild(el("li", {},
          el("p", { class: "choice", text: who + optionLabel(round, r.choice, r.other) }),
          r.reasoning ? el("p", { class: "reasoning", text: r.reasoning }) : null));
      });
      block.appendChild(reasons);
    }
    return block;
  }

  function stepsBlock(steps) {
    var block = el("section", { class: "card steps" },
      el("h3", { text: fmt("step", { index: steps.index + 1, count: steps.count, title: steps.title }) }),
      el("p", { class: "prompt", text: steps.prompt }));
    if (steps.minutes && steps.started_at) {
      var deadline = Date.parse(steps.started_at) + steps.minutes * 60000;
      block.appendChild(el("p", { class: "timer", "data-deadline": String(deadline), role: "timer" }));
    }
    if (steps.hints && steps.hints.length) {
      var hints = el("ul", { class: "hints" });
      steps.hints.forEach(function (hint) { hints.appendChild(el("li", { text: hint })); });
      block.appendChild(el("details", {}, el("summary", { text: L.hints }), hints));
    }
    return block;
  }

  function leadBlock(round) {
    var lead = round.lead;
    var steps = round.steps;
    var block = el("section", { class: "card lead" }, el("h3", { text: L.lead_badge }));
    var status = el("p", { class: "status", role: "status" });
    if (lead.has_method) {
      var buttons = el("div", { class: "buttons" });
      if (!steps) {
        buttons.appendChild(el("button", { type: "button", class: "primary", text: L.start_steps, onclick: function () {
          post("/p/step", { round: round.number, from: 0, step: 0 }, status);
        } }));
      } else {
        buttons.appendChild(el("button", { type: "button", text: L.back, disabled: steps.index === 0, onclick: function () {
          post("/p/step", { round: round.number, from: steps.index, step: steps.index - 1 }, status);
        } }));
        buttons.appendChild(el("button", { type: "button", class: "primary", text: L.next,
          disabled: steps.index + 1 >= steps.count, onclick: function () {
            post("/p/step", { round: round.number, from: steps.index, step: steps.index + 1 }, status);
          } }));
      }
      block.appendChild(buttons);
      if (steps) {
        var notes = el("textarea", { id: "notes", rows: "5", maxlength: "10000" });
        notes.value = lead.notes || "";
        var save = function () {
          clearTimeout(noteTimer);
          post("/p/note", { round: round.number, step: steps.index, text: notes.value }, status, function () {
            status.textContent = L.saved;
          });
        };
        notes.addEventListener("input", function () { clearTimeout(noteTimer); noteTimer = setTimeout(save, 800); });
        notes.addEventListener("blur", save);
        block.appendChild(el("label", { for: "notes", text: L.notes }));
        block.appendChild(notes);
      }
    }
    var conclusion = el("textarea", { id: "conclusion", rows: "3", maxlength: "10000" });
    conclusion.value = lead.conclusion || "";
    var actions = el("textarea", { id: "actions", rows: "3", maxlength: "10000" });
    actions.value = lead.actions || "";
    block.appendChild(el("label", { for: "conclusion", text: L.conclusion }));
    block.appendChild(conclusion);
    block.appendChild(el("label", { for: "actions", text: L.actions }));
    block.appendChild(actions);
    block.appendChild(el("button", { type: "button", text: L.save, onclick: function () {
      post("/p/conclusion", { round: round.number, text: conclusion.value, actions: actions.value }, status, function () {
        status.textContent = L.saved;
      });
    } }));
    block.appendChild(status);
    return block;
  }

  function personalBlock(round) {
    var block = el("section", { class: "card personal" });
    var text = el("textarea", { id: "personal", rows: "4", maxlength: "10000" });
    text.value = round.personal || "";
    var status = el("p", { class: "status", role: "status" });
    block.appendChild(el("label", { for: "personal", text: L.personal }));
    block.appendChild(text);
    block.appendChild(el("button", { type: "button", text: L.save, onclick: function () {
      post("/p/personal", { round: round.number, text: text.value }, status, function () { status.textContent = L.saved; });
    } }));
    block.appendChild(status);
    return block;
  }

  function renderPhone(view) {
    if (view.me) {
      document.getElementById("title").textContent = view.table
        ? fmt("you_are", { name: view.me.name, number: view.table.number }) : view.me.name;
    }
    var round = view.round;
    var message = null;
    if (view.finished) message = L.finished;
    else if (!view.me) message = L.gone;
    else if (!view.table) message = L.no_group;
    else if (!round) message = view.played >= view.planned ? L.done_cards : L.wait_card;
    section("badge", view.me && view.me.lead ? "lead" : null, function () {
      return el("p", { class: "badge", text: L.lead_badge });
    });
    section("message", message, function () { return el("p", { class: "message", text: message }); });
    if (message) round = null;
    section("card", round ? "card:" + round.number : null, function () {
      var card = el("article", { class: "card dilemma" }, el("h2", { text: round.title }));
      if (round.situation) card.appendChild(el("p", { class: "situation", text: round.situation }));
      card.appendChild(el("p", { class: "question" }, el("strong", { text: round.question })));
      var options = el("ol", { class: "options" });
      round.options.forEach(function (o) { options.appendChild(el("li", { text: o.option + ". " + o.text })); });
      card.appendChild(options);
      return card;
    });
    var voting = round && round.voting;
    section("progress", voting ? round.voted + "/" + round.voters : null, function () {
      return el("p", { class: "progress", text: fmt("voted", { done: round.voted, total: round.voters }) });
    });
    section("first", voting === 2 && round.first ? JSON.stringify(round.first) : null, function () {
      return el("p", { class: "muted", text: fmt("first_vote", { choice: optionLabel(round, round.first.choice, round.first.other) }) });
    });
    section("mine", voting && round.mine ? JSON.stringify(round.mine) : null, function () {
      return el("p", { class: "mine" }, fmt("your_vote", { choice: optionLabel(round, round.mine.choice, round.mine.other) }),
        el("br"), el("span", { class: "muted", text: L.can_change }));
    });
    section("vote", voting && round.can_vote ? [round.number, voting, round.mine ? round.mine.version : 0].join(":") : null,
      function () { return voteForm(view, round); });
    section("not-voting", voting && !round.can_vote ? "no" : null, function () {
      return el("p", { class: "message", text: L.not_voting });
    });
    section("results", round && round.results.length ? JSON.stringify(round.results) : null, function () {
      var wrap = el("div", { class: "results" });
      round.results.slice().reverse().forEach(function (r) { wrap.appendChild(resultBlock(round, r)); });
      return wrap;
    });
    section("twists", round && round.twists.length ? JSON.stringify(round.twists) : null, function () {
      var block = el("section", { class: "card twists" }, el("h3", { text: L.twist }));
      round.twists.forEach(function (twist) { block.appendChild(el("p", { text: twist })); });
      return block;
    });
    section("steps", round && round.steps ? JSON.stringify(round.steps) : null, function () { return stepsBlock(round.steps); });
    section("lead", round && round.lead ? [round.number, round.steps ? round.steps.index : "-", round.lead.has_method].join(":") : null,
      function () { return leadBlock(round); });
    section("personal", round && round.personal !== null && round.personal !== undefined ? "personal:" + round.number : null,
      function () { return personalBlock(round); });
  }

  // --- the presenter -----------------------------------------------------------------------------

  function renderPresenter(view) {
    if (view.title) document.getElementById("title").textContent = view.title;
    var join = document.getElementById("join");
    if (join) join.hidden = view.people > 0 && view.joined >= view.people;
    section("joined", view.joined + "/" + view.people, function () {
      return el("p", { class: "big", text: fmt("joined", { joined: view.joined, people: view.people }) });
    });
    section("tables", JSON.stringify(view.tables), function () {
      var wrap = el("section", { class: "tables", "aria-labelledby": "tables-h" }, el("h2", { id: "tables-h", text: L.tables }));
      var grid = el("div", { class: "grid" });
      view.tables.forEach(function (table) {
        var box = el("article", { class: "card table" }, el("h3", { text: fmt("table", { number: table.number }) }));
        var round = table.round;
        if (!round) {
          box.appendChild(el("p", { class: "muted", text: L.no_round }));
        } else {
          box.appendChild(el("p", { class: "title", text: round.title }));
          box.appendChild(el("p", { text: L["phase." + round.phase] || round.phase }));
          if (round.phase === "voting" || round.phase === "revoting") {
            box.appendChild(el("p", { class: "big", text: fmt("voted", { done: round.voted, total: round.voters }) }));
          }
          if (round.step) {
            box.appendChild(el("p", { text: fmt("step", { index: round.step.index + 1, count: round.step.count, title: round.step.title }) }));
          }
          if (round.results.length) box.appendChild(resultBlock(round, round.results[round.results.length - 1]));
          round.twists.forEach(function (twist) { box.appendChild(el("p", { class: "twist", text: L.twist + " " + twist })); });
        }
        grid.appendChild(box);
      });
      wrap.appendChild(grid);
      return wrap;
    });
    section("totals", view.totals.length ? JSON.stringify(view.totals) : null, function () {
      var wrap = el("section", { class: "totals", "aria-labelledby": "totals-h" }, el("h2", { id: "totals-h", text: L.totals }));
      view.totals.forEach(function (entry) {
        var block = resultBlock({ options: [] }, { phase: 1, total: entry.total, tally: entry.tally });
        block.querySelector("h3").textContent = fmt("totals_tables", entry);
        wrap.appendChild(block);
      });
      return wrap;
    });
  }

  // --- the stream --------------------------------------------------------------------------------

  function render(view) {
    current = view;
    offset = (view.now || Date.now() / 1000) * 1000 - Date.now();
    if (page === "presenter") renderPresenter(view);
    else renderPhone(view);
    tick();
  }

  function tick() {
    var nodes = document.querySelectorAll("[data-deadline]");
    for (var i = 0; i < nodes.length; i++) {
      var left = Math.round((Number(nodes[i].getAttribute("data-deadline")) - (Date.now() + offset)) / 1000);
      if (left <= 0) { nodes[i].textContent = L.time_up; continue; }
      var minutes = Math.floor(left / 60), seconds = left % 60;
      nodes[i].textContent = fmt("time_left", { time: minutes + ":" + (seconds < 10 ? "0" : "") + seconds });
    }
  }

  function connect() {
    if (source) source.close();
    source = new EventSource(eventsUrl + "?lang=" + encodeURIComponent(lang));
    source.onopen = function () { setStatus("connected"); };
    source.onmessage = function (message) {
      try { render(JSON.parse(message.data)); } catch (e) { /* a broken message waits for the next one */ }
    };
    source.addEventListener("gone", function () {
      source.close();
      root.textContent = "";
      sections = {};
      root.appendChild(el("p", { class: "message", text: L.gone }));
    });
    source.onerror = function () {
      setStatus("reconnecting");
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 3000);
    };
  }

  fetch("/labels/" + encodeURIComponent(lang) + ".json", { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (labels) {
      L = labels;
      connect();
      setInterval(tick, 1000);
    });
}());
