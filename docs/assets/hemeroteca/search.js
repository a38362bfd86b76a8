/* Search for the archive, the same hosted and from a copy on disk (file://).
 *
 * The index under search-index/ (render/search_index.py) loads through <script> tags,
 * since file:// allows neither fetch nor ES modules: meta.js once (vocabularies and each
 * article's facets), one term shard per query word, and the result rows on screen. Stems
 * were computed at build time for each article's language, and the shards map inflected
 * forms to them, so a query finds Spanish, English and Portuguese articles alike.
 * Articles are numbered in the order they were added (so adding one leaves the others'
 * numbers alone); meta.js lists them newest first, which is how results are ranked, and
 * the row files hold articles by that rank, counted from the oldest.
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

  /* ---------- the archive's index (search-index/, written by `hemeroteca render`) ---------- */
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function decode(postings) {
    var out = [], n = 0;
    if (!postings) return out;
    postings.split(".").forEach(function (gap) { n += parseInt(gap, 36); out.push(n); });
    return out;
  }

  function indexEngine() {
    var meta = null, keys = null, longest = 2, facets = null, shards = {}, rows = {}, pending = {};
    var newest = [], rankOf = [];  /* article numbers newest first; an article number's rank */
    var languageOf = [];  /* an article number's language code */
    window.hemerotecaSearch = {
      addMeta: function (m) { meta = m; },
      addShard: function (key, terms) { shards[key] = terms; },
      addRows: function (n, list) { rows[n] = list; }
    };
    function once(name, src, ready) {
      if (!pending[name]) pending[name] = loadScript(src).then(ready);
      return pending[name];
    }
    var started = once("meta", base + "/search-index/meta.js", function () {
      keys = new Set(meta.keys);
      meta.keys.forEach(function (k) { longest = Math.max(longest, k.length); });
      /* Each article's facets: "year.language.countries.topics", numbers in base 36. */
      facets = meta.facets ? meta.facets.split("|").map(function (packed) {
        var f = packed.split(".");
        languageOf.push(meta.languages[parseInt(f[1], 36)][0]);
        function list(text, names) {
          return text ? text.split(",").map(function (i) { return names[parseInt(i, 36)][1]; }) : [];
        }
        return {
          year: [meta.years[parseInt(f[0], 36)]],
          language: [meta.languages[parseInt(f[1], 36)][1]],
          country: list(f[2], meta.countries),
          topic: list(f[3], meta.topics)
        };
      }) : [];
      /* meta.order: the article numbers newest first, in base 36, each as wide as the largest. */
      var width = meta.order.length / Math.max(facets.length, 1);
      for (var rank = 0; rank < facets.length; rank++) {
        var n = parseInt(meta.order.substr(rank * width, width), 36);
        newest.push(n);
        rankOf[n] = rank;
      }
    });

    /* A term's shard: the longest key that starts the term. */
    function keyFor(term) {
      for (var n = Math.min(term.length, longest); n >= 2; n--) {
        if (keys.has(term.slice(0, n))) return term.slice(0, n);
      }
      return null;
    }
    function entry(term) {
      var key = keyFor(term);
      if (key === null) return Promise.resolve(undefined);
      return once("t" + key, base + "/search-index/t-" + encodeURIComponent(key) + ".js", function () {})
        .then(function () { return (shards[key] || {})[term]; });
    }
    /* The seen forms that begin with a word, and their entries: the word's shard holds
       them, unless a crowded prefix was split into shards with longer keys. */
    async function completions(word) {
      var names = [keyFor(word)].concat(meta.keys.filter(function (k) {
        return k.length > word.length && k.startsWith(word);
      }));
      var found = [];
      for (var i = 0; i < names.length; i++) {
        if (names[i] === null) continue;
        await entry(names[i]);
        var shard = shards[names[i]] || {};
        Object.keys(shard).forEach(function (term) {
          if (term.startsWith(word) && shard[term].s) found.push(shard[term]);
        });
      }
      return found;
    }
    /* The stems a query word stands for, each with the languages it stands for them in
       (null: any). In turn: the word as a stem and as a form seen in the texts; else the
       seen forms it begins ("cooperativa" -> "cooperativas"); else its longest stem prefix.
       A form counts only in its own languages, so the Spanish "cooperativas" (stem
       "cooper") does not find the English "cooperation" (stem "cooper" too). */
    async function stemsOf(word) {
      var stems = new Map();
      function add(e) {
        if (e && e.s) e.s.forEach(function (stem, i) {
          var languages = e.l ? e.l[i].split(",") : null, had = stems.get(stem);
          if (had === null) return;
          stems.set(stem, languages === null ? null : new Set(languages.concat(had ? Array.from(had) : [])));
        });
      }
      var e = await entry(word);
      if (e && e.p) stems.set(word, null);
      add(e);
      if (!stems.size && word.length >= 4) (await completions(word)).forEach(add);
      for (var n = word.length - 1; !stems.size && n >= 4; n--) {
        var prefix = word.slice(0, n), p = await entry(prefix);
        if (p && p.p) stems.set(prefix, null);
      }
      return stems;
    }
    async function wordDocs(word) {
      var all = new Set(), title = new Set(), stems = await stemsOf(word);
      for (var [stem, languages] of stems) {
        var e = await entry(stem);
        if (!e) continue;
        var into = function (found) {
          return function (n) { if (!languages || languages.has(languageOf[n])) found.add(n); };
        };
        decode(e.p).forEach(into(all));
        decode(e.t).forEach(into(title));
      }
      return { all: all, title: title };
    }
    /* An article's result row. Row files hold rowsPerFile articles each by rank counted
       from the oldest, so the newest results sit in the last one or two files. */
    function row(n) {
      var age = newest.length - 1 - rankOf[n], file = Math.floor(age / meta.rowsPerFile);
      return once("r" + file, base + "/search-index/r-" + file + ".js", function () {})
        .then(function () { return rows[file][age % meta.rowsPerFile]; });
    }
    return {
      name: "index",
      search: async function (query, filters) {
        await started;
        var words = fold(query).match(/[\p{L}\p{N}]+/gu) || [];
        var hits = null, score = new Map();
        for (var w = 0; w < words.length; w++) {
          var found = await wordDocs(words[w]);
          found.title.forEach(function (n) { score.set(n, (score.get(n) || 0) + 1); });
          hits = hits === null ? found.all : new Set(Array.from(hits).filter(function (n) { return found.all.has(n); }));
        }
        var numbers = hits === null ? newest.slice() : Array.from(hits);
        /* Words in the title first, then newest first. */
        numbers.sort(function (a, b) {
          return (score.get(b) || 0) - (score.get(a) || 0) || rankOf[a] - rankOf[b];
        });
        var counts = {}, results = [];
        FACETS.forEach(function (f) { counts[f[0]] = {}; });
        numbers.forEach(function (n) {
          var l = facets[n];
          var keep = FACETS.every(function (f) {
            var picked = filters[f[0]];
            return !picked || !picked.length || l[f[0]].some(function (v) { return picked.indexOf(v) >= 0; });
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
            var slice = results.slice(from, to);
            return Promise.all(slice.map(row)).then(function (list) {
              return list.map(function (d, i) {
                var l = facets[slice[i]];
                return {
                  url: base + "/articles/" + d[0] + ".html", title: d[1], date: formatDate(d[2]),
                  countries: l.country.join(", "), language: l.language[0], excerpt: d[3]
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

  var engine = Promise.resolve(indexEngine())
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
      if (r.excerpt) li.appendChild(el("p", { "class": "hem-excerpt" }, r.excerpt));
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
