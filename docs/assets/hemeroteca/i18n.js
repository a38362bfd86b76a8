/* The reader's language switch: the interface reworded in the browser, hosted and from file://.
 *
 * Every page is built once, in the site's language (theme.language), so the archive does
 * not multiply its pages by its languages. messages.js (written by `hemeroteca render`)
 * holds every interface message in each language, with the names the pages show and
 * Material's own strings. On a switch this script finds, outside anything that carries a
 * `lang` of its own (an article's headline and text), each text and label that is a
 * message in the site's language and puts the reader's in its place; elements with
 * placeholders say their message and arguments (data-t, data-t-p, data-t-a), and <time>
 * elements are dated again. The choice is kept in localStorage for the next page.
 * Other scripts (search.js, site.js) word what they write through window.hemerotecaI18n.
 * Plain ES2017, no build step, no dependency.
 */
(function () {
  "use strict";
  var D = window.hemerotecaMessages;
  if (!D) return;
  var STORE = "hemeroteca-language";
  var SKIP = { SCRIPT: 1, STYLE: 1, CODE: 1, PRE: 1, TEXTAREA: 1, NOSCRIPT: 1 };
  var ATTRIBUTES = ["aria-label", "title", "placeholder"];
  var current = D.site;

  function pick(entry, lang) {
    if (!entry) return undefined;
    return entry[lang] !== undefined ? entry[lang] : entry[D.fallback];
  }
  function fill(template, args) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return args && Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : all;
    });
  }
  /* The form for n: its CLDR category's place among the language's (es: one, many, other). */
  function pluralIndex(lang, n) {
    var at = -1;
    try { at = (D.plurals[lang] || []).indexOf(new Intl.PluralRules(lang).select(n)); } catch (e) { /* no Intl */ }
    return at;
  }
  /* A message in `lang`: the English id stands for itself when a language lacks it. */
  function message(id, lang, args, plural) {
    var entry = D.messages[id] || {};
    var text;
    if (plural !== undefined && plural !== null) {
      /* the language's forms, or English's (the ids) where it lacks the message */
      var forms = entry[lang] || [id, plural], count = +((args || {}).n);
      var at = forms[0] === id ? (count === 1 ? 0 : 1) : pluralIndex(lang, count);
      text = forms[at >= 0 && at < forms.length ? at : forms.length - 1];
    } else {
      text = entry[lang] !== undefined ? entry[lang] : id;
    }
    return fill(text, args);
  }
  function name(key, lang) { return pick(D.names[key], lang); }
  function formatDate(value, lang) {
    if (!value) return message("undated", lang);
    var p = value.split("-"), d = D.dates[lang] || D.dates[D.fallback];
    if (p.length === 1) return p[0];
    var month = d.months[+p[1] - 1];
    if (p.length === 2) return fill(d.month, { MMMM: month, y: p[0] });
    return fill(d.day, { d: +p[2], MMMM: month, y: p[0] });
  }

  /* What each text in `lang` stands for: a message, a name or one of Material's. */
  var reverse = {};
  function reverseIndex(lang) {
    if (reverse[lang]) return reverse[lang];
    var index = reverse[lang] = new Map();
    function add(text, ref) {
      if (typeof text === "string" && text.trim() && !index.has(text.trim())) index.set(text.trim(), ref);
    }
    Object.keys(D.messages).forEach(function (id) {
      var entry = D.messages[id];
      if (Array.isArray(entry[D.fallback])) return;  /* plurals are always marked with data-t */
      add(entry[lang] !== undefined ? entry[lang] : id, { m: id });
    });
    Object.keys(D.names).forEach(function (key) { add(pick(D.names[key], lang), { n: key }); });
    Object.keys(D.material).forEach(function (key) { add(pick(D.material[key], lang), { x: key }); });
    return index;
  }
  function resolve(ref, lang) {
    if (ref.m !== undefined) return message(ref.m, lang);
    if (ref.n !== undefined) return name(ref.n, lang);
    return pick(D.material[ref.x], lang);
  }

  /* The page's interface texts in the language it speaks now: found on every switch, so what
     other scripts wrote since (search results, the header's search box) is reworded too. */
  function own(node) {
    /* inside something that keeps its own language, or says its message itself */
    for (var el = node; el && el !== document.documentElement; el = el.parentElement) {
      if (el.hasAttribute("lang") || el.hasAttribute("data-t") || el.getAttribute("translate") === "no") return true;
      if (SKIP[el.tagName]) return true;
    }
    return false;
  }
  function collect(lang) {
    var reverse = reverseIndex(lang), bound = [];
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var text = node.nodeValue, key = text.trim();
      if (!key || !reverse.has(key) || own(node.parentElement)) continue;
      var at = text.indexOf(key);
      bound.push({ node: node, ref: reverse.get(key), before: text.slice(0, at), after: text.slice(at + key.length) });
    }
    ATTRIBUTES.forEach(function (attr) {
      document.body.querySelectorAll("[" + attr + "]").forEach(function (el) {
        var value = el.getAttribute(attr).trim();
        if (reverse.has(value) && el.getAttribute("data-t-attr") !== attr && !own(el.parentElement)) {
          bound.push({ el: el, attr: attr, ref: reverse.get(value) });
        }
      });
    });
    var title = document.title.split(" - ");
    if (title.length > 1 && reverse.has(title[0].trim())) {
      bound.push({ title: title.slice(1).join(" - "), ref: reverse.get(title[0].trim()) });
    }
    return bound;
  }

  function marked(el, lang) {
    var args = JSON.parse(el.getAttribute("data-t-a") || "{}"), names = args["@"] || {};
    Object.keys(names).forEach(function (k) { var v = name(names[k], lang); if (v !== undefined) args[k] = v; });
    var text = message(el.getAttribute("data-t"), lang, args, el.getAttribute("data-t-p"));
    var attr = el.getAttribute("data-t-attr");
    if (attr) el.setAttribute(attr, text); else el.textContent = text;
  }

  /* Hand-written pages (About, Contributing) hold each translation they have: the site's
     language (or English) shown, the others in <template data-hem-page lang>. A switch shows
     the reader's, or English when the page has none, saying so above it. Headings trade
     places rather than being replaced, so what holds them (Material's table of contents)
     still finds them. */
  function trade(a, b) {
    var mark = document.createComment("");
    a.parentNode.replaceChild(mark, a);
    b.parentNode.replaceChild(a, b);
    mark.parentNode.replaceChild(b, mark);
    var html = a.innerHTML;
    a.innerHTML = b.innerHTML;
    b.innerHTML = html;
  }
  function showPage(lang) {
    document.querySelectorAll("div[data-hem-page]").forEach(function (shown) {
      var box = shown.parentNode, have = shown.getAttribute("data-hem-page");
      function version(l) { return box.querySelector(':scope > template[data-hem-page="' + l + '"]'); }
      var want = lang === have || version(lang) ? lang : D.fallback;
      var notice = box.querySelector(":scope > [data-hem-untranslated]");
      if (notice) notice.hidden = want === lang;  /* "not translated into this language yet" */
      var incoming = want === have ? null : version(want);
      if (!incoming) return;
      var fragment = incoming.content, headings = {};
      shown.querySelectorAll("h1[id],h2[id],h3[id],h4[id],h5[id],h6[id]").forEach(function (h) { headings[h.id] = h; });
      fragment.querySelectorAll("h1[id],h2[id],h3[id],h4[id],h5[id],h6[id]").forEach(function (h) {
        if (headings[h.id] && headings[h.id].tagName === h.tagName) trade(headings[h.id], h);
      });
      var kept = document.createElement("template");
      kept.setAttribute("data-hem-page", have);
      kept.setAttribute("lang", shown.getAttribute("lang"));
      while (shown.firstChild) kept.content.appendChild(shown.firstChild);
      shown.appendChild(fragment);
      box.replaceChild(kept, incoming);
      shown.setAttribute("data-hem-page", want);
      shown.setAttribute("lang", incoming.getAttribute("lang"));
      /* Material wraps a page's tables to scroll on a phone when it loads: the new ones too */
      shown.querySelectorAll("table:not([class])").forEach(function (table) {
        if (table.closest(".md-typeset__table")) return;
        var outer = document.createElement("div"), inner = document.createElement("div");
        outer.className = "md-typeset__scrollwrap";
        inner.className = "md-typeset__table";
        table.parentNode.replaceChild(outer, table);
        outer.appendChild(inner);
        inner.appendChild(table);
      });
      /* the table of contents names the sections in the page's language */
      shown.querySelectorAll("[id]").forEach(function (h) {
        document.querySelectorAll('a.md-nav__link[href="#' + CSS.escape(h.id) + '"]').forEach(function (a) {
          (a.querySelector(".md-ellipsis") || a).textContent = h.textContent;
        });
      });
    });
  }

  function apply(lang) {
    if (!D.languages[lang] || lang === current) return;
    showPage(lang);
    collect(current).forEach(function (b) {
      var text = resolve(b.ref, lang);
      if (text === undefined) return;
      if (b.node) b.node.nodeValue = b.before + text + b.after;
      else if (b.el) b.el.setAttribute(b.attr, text);
      else document.title = text + " - " + b.title;
    });
    document.querySelectorAll("[data-t]").forEach(function (el) { marked(el, lang); });
    document.querySelectorAll("time[datetime]").forEach(function (el) {
      if (!own(el.parentElement)) el.textContent = formatDate(el.getAttribute("datetime"), lang);
    });
    document.documentElement.setAttribute("lang", lang);
    current = lang;
    document.querySelectorAll("[data-hem-lang]").forEach(function (b) {
      b.setAttribute("aria-current", b.getAttribute("data-hem-lang") === lang ? "true" : "false");
    });
    document.dispatchEvent(new CustomEvent("hemeroteca:language", { detail: { language: lang } }));
  }

  function choose(lang) {
    try { localStorage.setItem(STORE, lang); } catch (e) { /* storage off: this page only */ }
    apply(lang);
  }

  window.hemerotecaI18n = {
    language: function () { return current; },
    t: function (id, args) { return message(id, current, args); },
    n: function (singular, plural, n, args) {
      var all = Object.assign({ n: n }, args || {});
      return message(singular, current, all, plural);
    },
    name: function (key) { return name(key, current); },
    date: function (value) { return formatDate(value, current); }
  };

  document.querySelectorAll("[data-hem-languages]").forEach(function (box) { box.hidden = false; });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-hem-lang]");
    if (button) choose(button.getAttribute("data-hem-lang"));
  });
  var wanted = null;
  try { wanted = localStorage.getItem(STORE); } catch (e) { /* storage off */ }
  if (wanted && wanted !== D.site && D.languages[wanted]) apply(wanted);
  else document.querySelectorAll("[data-hem-lang]").forEach(function (b) {
    b.setAttribute("aria-current", b.getAttribute("data-hem-lang") === D.site ? "true" : "false");
  });
})();
