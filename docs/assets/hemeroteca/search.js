/* Search for the archive: one user interface, two engines.
 *
 * Hosted (http/https): Pagefind, one instance per language of the archive, each with
 * its own stemmer, so a query finds Spanish, English and Portuguese articles alike.
 * Offline (file://, or when Pagefind is missing): the archive's own index under
 * search-index/, loaded through <script> tags because file:// allows neither fetch
 * nor ES modules. It loads docs.js once and one term shard per query word.
 * Plain ES2017, no build step, no dependency.
 */
(function () {
  "use strict";
  var root = document.getElementById("hem-search");
  if (!root) return;
  var base = (root.getAttribute("data-base") || ".").replace(/\/$/, "");
  var FACETS = [["country", "Country"], ["language", "Language"], ["year", "Year"], ["topic", "Topic"]];
  var PAGE = 10;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = el("script", { src: src });
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  function formatDate(d) {
    if (!d) return "undated";
    var p = d.split("-");
    if (p.length === 1) return p[0];
    if (p.length === 2) return MONTHS[+p[1] - 1] + " " + p[0];
    return (+p[2]) + " " + MONTHS[+p[1] - 1] + " " + p[0];
  }

  /* ---------- offline engine ---------- */
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function decode(postings) {
    var out = [], n = 0;
    if (!postings) return out;
    postings.split(".").forEach(function (gap) { n += parseInt(gap, 36); out.push(n); });
    return out;
  }

  function offlineEngine() {
    var data = null, keys = null, shards = {}, pending = {};
    window.hemerotecaSearch = {
      addDocs: function (d) { data = d; },
      addShard: function (key, terms) { shards[key] = terms; }
    };
    var ready = loadScript(base + "/search-index/docs.js").then(function () {
      keys = new Set(data.keys);
    });

    function keyFor(term) {
      if (term.length >= 3 && keys.has(term.slice(0, 3))) return term.slice(0, 3);
      return term.slice(0, 2);
    }
    function shard(key) {
      if (shards[key]) return Promise.resolve(shards[key]);
      if (!keys.has(key)) return Promise.resolve({});
      if (!pending[key]) {
        pending[key] = loadScript(base + "/search-index/t-" + encodeURIComponent(key) + ".js")
          .then(function () { return shards[key] || {}; });
      }
      return pending[key];
    }
    function entry(term) {
      return shard(keyFor(term)).then(function (terms) { return terms[term]; });
    }
    /* The stems a query word stands for: as a seen form, as a stem, or its longest stem prefix. */
    async function stemsOf(word) {
      var e = await entry(word), stems = [];
      if (e && e.p) stems.push(word);
      if (e && e.s) stems = stems.concat(e.s);
      for (var n = word.length - 1; !stems.length && n >= 4; n--) {
        var prefix = word.slice(0, n), p = await entry(prefix);
        if (p && p.p) stems.push(prefix);
      }
      return stems;
    }
    async function wordDocs(word) {
      var all = new Set(), title = new Set(), stems = await stemsOf(word);
      for (var i = 0; i < stems.length; i++) {
        var e = await entry(stems[i]);
        if (!e) continue;
        decode(e.p).forEach(function (n) { all.add(n); });
        decode(e.t).forEach(function (n) { title.add(n); });
      }
      return { all: all, title: title };
    }
    function labels(doc) {
      return {
        country: doc[4].map(function (i) { return data.countries[i][1]; }),
        language: [languageName(doc[3])],
        year: [doc[2] ? doc[2].slice(0, 4) : "Undated"],
        topic: doc[5].map(function (i) { return data.topics[i][1]; })
      };
    }
    function languageName(code) {
      for (var i = 0; i < data.languages.length; i++) if (data.languages[i][0] === code) return data.languages[i][1];
      return code;
    }
    return {
      name: "offline",
      search: async function (query, filters) {
        await ready;
        var words = fold(query).match(/[\p{L}\p{N}]+/gu) || [];
        var hits = null, score = new Map();
        for (var w = 0; w < words.length; w++) {
          var found = await wordDocs(words[w]);
          found.title.forEach(function (n) { score.set(n, (score.get(n) || 0) + 1); });
          hits = hits === null ? found.all : new Set(Array.from(hits).filter(function (n) { return found.all.has(n); }));
        }
        var numbers = hits === null ? data.docs.map(function (_, i) { return i; }) : Array.from(hits);
        numbers.sort(function (a, b) { return (score.get(b) || 0) - (score.get(a) || 0) || a - b; });
        var counts = {}, results = [];
        FACETS.forEach(function (f) { counts[f[0]] = {}; });
        numbers.forEach(function (n) {
          var l = labels(data.docs[n]);
          var keep = FACETS.every(function (f) {
            var chosen = filters[f[0]];
            return !chosen || !chosen.length || l[f[0]].some(function (v) { return chosen.indexOf(v) >= 0; });
          });
          if (!keep) return;
          results.push(n);
          FACETS.forEach(function (f) {
            l[f[0]].forEach(function (v) { counts[f[0]][v] = (counts[f[0]][v] || 0) + 1; });
          });
        });
        return {
          total: results.length,
          counts: counts,
          page: function (from, to) {
            return Promise.resolve(results.slice(from, to).map(function (n) {
              var d = data.docs[n], l = labels(d);
              return {
                url: base + "/articles/" + d[0] + ".html", title: d[1], date: formatDate(d[2]),
                countries: l.country.join(", "), language: l.language[0], excerpt: null
              };
            }));
          }
        };
      }
    };
  }

  /* ---------- hosted engine: Pagefind, one instance per language ---------- */
  /* The index comes in shards (pagefind/shards.json lists them, each a Pagefind bundle of its own,
     so that no build holds the whole archive in memory and an added article re-indexes one shard).
     Each language's instance starts on the first shard that has the language and merges the rest. */
  async function pagefindEngine() {
    var root = new URL(base + "/pagefind/", document.baseURI).href;
    var listing = await (await fetch(root + "shards.json")).json();
    var bundles = {};
    listing.shards.forEach(function (shard) {
      Object.keys(shard.languages).forEach(function (lang) {
        (bundles[lang] = bundles[lang] || []).push(root + shard.path);
      });
    });
    var names = new Intl.DisplayNames(["en"], { type: "language" });
    var html = document.documentElement, saved = html.getAttribute("lang");
    var instances = [];
    /* Every bundle carries the same pagefind.js: load it from one place, so the browser fetches it once. */
    var script = root + listing.shards[0].path + "pagefind.js";
    for (var lang of Object.keys(bundles).sort()) {
      var bundle = bundles[lang][0];
      /* Each import URL (the #fragment too) is its own module instance, the file fetched once: each
         language gets its own stemmer. Pagefind picks the index from <html lang> when it starts;
         point it at this language just for that moment. */
      var mod = await import(script + "#" + encodeURIComponent(lang));
      await mod.options({ basePath: bundle, excerptLength: 24 });
      html.setAttribute("lang", lang);
      var started = mod.init();
      if (saved === null) html.removeAttribute("lang"); else html.setAttribute("lang", saved);
      await started;
      for (var more of bundles[lang].slice(1)) await mod.mergeIndex(more, { language: lang });
      instances.push({ mod: mod, label: names.of(lang) || lang });
    }
    /* Filter indexes (for the counts beside each facet value) load after the first results. */
    var filtersLoaded = null;
    function loadFilters() {
      if (!filtersLoaded) filtersLoaded = Promise.all(instances.map(function (i) { return i.mod.filters(); }));
      return filtersLoaded;
    }
    async function search(query, filters) {
      var options = { filters: {} };
      Object.keys(filters).forEach(function (k) {
        if (k !== "language" && filters[k].length) options.filters[k] = { any: filters[k] };
      });
      var all = await Promise.all(instances.map(function (i) { return i.mod.search(query || null, options); }));
      var results = [], counts = {};
      FACETS.forEach(function (f) { counts[f[0]] = {}; });
      all.forEach(function (r, n) {
        if (!r) return;
        var label = instances[n].label, wanted = !filters.language.length || filters.language.indexOf(label) >= 0;
        /* One index per language: the language facet is the count of each index's results. */
        if (r.results.length) counts.language[label] = r.results.length;
        if (!wanted) return;
        r.results.forEach(function (hit) { hit.language = label; });
        results = results.concat(r.results);
        Object.keys(r.filters || {}).forEach(function (k) {
          counts[k] = counts[k] || {};
          Object.keys(r.filters[k]).forEach(function (v) {
            if (r.filters[k][v]) counts[k][v] = (counts[k][v] || 0) + r.filters[k][v];
          });
        });
      });
      results.sort(function (a, b) { return b.score - a.score; });
      return { results: results, counts: counts };
    }
    return {
      name: "pagefind",
      search: async function (query, filters) {
        var found = await search(query, filters);
        return {
          total: found.results.length,
          counts: filtersLoaded ? found.counts : { language: found.counts.language },
          later: filtersLoaded ? null : loadFilters().then(function () {
            return search(query, filters).then(function (again) { return again.counts; });
          }),
          page: function (from, to) {
            var slice = found.results.slice(from, to);
            return Promise.all(slice.map(function (r) { return r.data(); })).then(function (rows) {
              return rows.map(function (d, i) {
                return {
                  url: d.url, title: d.meta.title, date: d.meta.date || "", countries: d.meta.countries || "",
                  language: slice[i].language, excerpt: d.excerpt
                };
              });
            });
          }
        };
      }
    };
  }

  /* ---------- user interface ---------- */
  var form = root.querySelector("form"), input = root.querySelector("input[type=search]");
  var status = root.querySelector(".hem-search-status"), list = root.querySelector(".hem-results");
  var facetsBox = root.querySelector(".hem-facets"), more = root.querySelector(".hem-more");
  var chosen = {}, current = null, shown = 0, serial = 0;
  FACETS.forEach(function (f) { chosen[f[0]] = []; });

  var engine = (location.protocol === "file:" ? Promise.reject(new Error("file://")) : pagefindEngine())
    .catch(function () { return offlineEngine(); })
    .then(function (e) { root.setAttribute("data-engine", e.name); return e; });

  function renderFacets(counts) {
    facetsBox.textContent = "";
    FACETS.forEach(function (f) {
      var values = Object.keys(counts[f[0]] || {}).sort(function (a, b) {
        return f[0] === "year" ? b.localeCompare(a) : a.localeCompare(b);
      });
      chosen[f[0]].forEach(function (v) { if (values.indexOf(v) < 0) values.push(v); });
      if (!values.length) return;
      var box = el("fieldset", { "class": "hem-facet", "data-facet": f[0] });
      box.appendChild(el("legend", {}, f[1]));
      values.forEach(function (v) {
        var id = "hem-f-" + f[0] + "-" + v.replace(/[^A-Za-z0-9]+/g, "-");
        var label = el("label", { "for": id });
        var box2 = el("input", { type: "checkbox", id: id, value: v });
        box2.checked = chosen[f[0]].indexOf(v) >= 0;
        box2.addEventListener("change", function () {
          var list2 = chosen[f[0]], at = list2.indexOf(v);
          if (box2.checked && at < 0) list2.push(v);
          if (!box2.checked && at >= 0) list2.splice(at, 1);
          run();
        });
        label.appendChild(box2);
        label.appendChild(document.createTextNode(" " + v + " "));
        label.appendChild(el("span", { "class": "hem-count" }, "(" + ((counts[f[0]] || {})[v] || 0) + ")"));
        box.appendChild(label);
      });
      facetsBox.appendChild(box);
    });
  }

  function renderRows(rows) {
    rows.forEach(function (r) {
      var li = el("li", { "class": "hem-result" });
      var a = el("a", { href: r.url }, r.title);
      li.appendChild(el("h3", {})).appendChild(a);
      li.appendChild(el("p", { "class": "hem-result-meta" },
        [r.date, r.countries, r.language].filter(Boolean).join(" · ")));
      if (r.excerpt) {
        var p = el("p", { "class": "hem-excerpt" });
        p.innerHTML = r.excerpt; /* Pagefind escapes the text and adds only <mark> */
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  async function showMore() {
    var mine = serial, rows = await current.page(shown, shown + PAGE);
    if (mine !== serial) return;
    shown += rows.length;
    renderRows(rows);
    more.hidden = shown >= current.total;
  }

  async function run() {
    var mine = ++serial, query = input.value.trim();
    var active = FACETS.some(function (f) { return chosen[f[0]].length; });
    try {
      var url = new URL(location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      history.replaceState(null, "", url.href);
    } catch (e) { /* some browsers refuse history changes on file:// pages */ }
    if (!query && !active) {
      status.textContent = "Type a word to search the archive, or choose a filter.";
      list.textContent = ""; facetsBox.textContent = ""; more.hidden = true;
      root.setAttribute("data-done", String(mine));
      return;
    }
    status.textContent = "Searching…";
    var e = await engine, result = await e.search(query, chosen);
    if (mine !== serial) return;
    current = result; shown = 0; list.textContent = "";
    status.textContent = result.total === 0 ? "No articles found." :
      result.total + (result.total === 1 ? " article" : " articles") + (query ? " for “" + query + "”" : "");
    renderFacets(result.counts);
    await showMore();
    if (result.later) {
      var counts = await result.later;
      if (mine !== serial) return;
      renderFacets(counts);
    }
    if (mine === serial) root.setAttribute("data-done", String(mine)); /* for tests and scripts */
  }

  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 250); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); clearTimeout(timer); run(); });
  more.addEventListener("click", showMore);
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) input.value = initial;
  run();
})();
