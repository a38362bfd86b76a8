/* Search for the archive, the same hosted and from a copy on disk (file://).
 *
 * The index under search-index/ (render/search_index.py) loads through <script> tags,
 * since file:// allows neither fetch nor ES modules: meta.js once (vocabularies, the
 * names of countries and topics, the stop words), one term shard per query word, the
 * order of the years on screen, a facet value's file when the query names it or a filter
 * picks it, every value's file when the reader opens the filters (for their counts), and
 * one file per result on screen (its row and its text). Nothing loaded up front grows
 * with the archive: the postings say each result's language, and its year unless they
 * are a bitmap (dense postings), whose articles' years come from the years' files as the
 * order of the results or a date filter needs them. Stems were
 * computed at build time for each article's language, and the shards map inflected
 * forms to them, so a query finds Spanish, English and Portuguese articles alike.
 *
 * A query is read as clauses: a run of words that is a country's or topic's name in any
 * of the three languages ("República Dominicana", "cooperatives") finds the articles
 * tagged with it and those whose text has the words; any other word finds the texts
 * that have it or its inflections. Every clause must match, and the words of a phrase
 * must stand within three words of each other in the text (looked at in the result files
 * the pages load anyway, a few pages of candidates at a time). A word found nowhere is
 * replaced by the nearest word of the index (one or two letters apart), and the page says
 * so. Results are ranked by relevance (README, Search): for each word its rarity, times
 * a weight for where it is (title, then tags, then a text that uses it often, then the
 * text); or newest first when the reader asks. Filters, sort and query live in the
 * page's address, so a reload, Back from an article or a shared link shows the same.
 *
 * The words it shows come from the interface's catalogue when one is loaded
 * (window.hemerotecaI18n); T() marks them. Plain ES2017, no build step, no dependency.
 */
(function () {
  "use strict";
  /* ---------- ranking arithmetic (README, Search), pure, on window.hemerotecaRank for tests ---------- */
  /* Weights of where a query word is found, of a tag, of the words' nearness and of their
     term frequency on the first page. */
  var WEIGHT = { text: 1, often: 0.8, title: 1.5, tag: 1.2, main: 0.5, near: 1, tf: 0.15, focus: 1 };
  /* How far apart (in words, stop words skipped) two consecutive words of a query may stand
     in a text that is to match it; and the length of the texts the index gives
     (search_index.TEXT_CHARS): a text cut there may say them together further on. */
  var APART = 3, TEXT_CHARS = 6000;
  /* BM25's term-frequency saturation and length normalisation, for the first page's texts. */
  var BM25 = { k1: 1.2, b: 0.75 };
  var rank = {
    /* A pattern of the folded hyphenated function words ("quinta-feira"), null for none. */
    compounds: function (list) {
      if (!list.length) return null;
      return new RegExp("(^|[^\\p{L}\\p{N}])(?:" + list.map(function (w) {
        return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      }).join("|") + ")(?![\\p{L}\\p{N}])", "gu");
    },
    /* The words of a text that the nearness and the words-together rule look at: folded, stop
       words out, and the hyphenated function words out whole, as the index leaves them out
       (search_text.words): "nesta quinta-feira" says nothing of a feira. */
    words: function (text, stop, compounds) {
      var folded = fold(text);
      if (compounds) folded = folded.replace(compounds, "$1 ");
      return (folded.match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) { return !stop.has(w); });
    },
    /* BM25's weight of a word used `tf` times in a text of `length` words (`mean`: the mean length). */
    saturated: function (tf, length, mean) {
      return tf * (BM25.k1 + 1) / (tf + BM25.k1 * (1 - BM25.b + BM25.b * length / mean));
    },
    /* How much an article is about the countries a query names, from its countries (`countries`,
       its record's, the main one first): each named country's weight shared among them all,
       so that a story about Honduras alone comes before one about Honduras and three others. */
    focus: function (countries, places) {
      return places.reduce(function (sum, place) {
        return sum + (countries.indexOf(place.code) >= 0 ? place.weight / countries.length : 0);
      }, 0);
    },
    /* For each set of forms, the places of a list of words that are among them. */
    positions: function (words, forms) {
      var at = forms.map(function () { return []; });
      words.forEach(function (w, i) {
        forms.forEach(function (f, t) { if (f.has(w)) at[t].push(i); });
      });
      return at;
    },
    /* How close each two consecutive query words stand, from their places `at`: 1 when the
       second follows the first ("cooperativas de crédito", stop words skipped), 0.5 when
       they are within three words of each other in any order, else 0; times the lesser of
       the two words' weights, summed over the pairs. */
    nearness: function (at, weights) {
      var bonus = 0;
      for (var t = 0; t + 1 < at.length; t++) {
        var best = 0;
        for (var a = 0, b = 0; a < at[t].length && best < 1; a++) {
          while (b < at[t + 1].length && at[t + 1][b] < at[t][a] - 3) b++;
          for (var k = b; k < at[t + 1].length && at[t + 1][k] <= at[t][a] + 3; k++) {
            best = Math.max(best, at[t + 1][k] === at[t][a] + 1 ? 1 : 0.5);
          }
        }
        bonus += best * Math.min(weights[t], weights[t + 1]);
      }
      return bonus;
    },
    /* The runs of query words that must stand together in a text, from the query's clauses
       in order (`words`: how many; `named`: a country, topic or actor; `country`: a country
       only; `joined`: a joining word, "de", "of", stood before it): each run's word numbers,
       and for a name's own words the clause's number (`name`: they need to stand together
       only in the texts not tagged with it). Two consecutive clauses that are no name make a
       run; a name and the word a joining word ties it to too ("cooperativas de crédito",
       "Banco Interamericano" + "de Desarrollo"), unless one is a country ("industria de
       Venezuela" is an industry and a place). */
    runs: function (clauses) {
      var out = [], at = 0;
      clauses.forEach(function (clause, c) {
        var places = [];
        for (var k = 0; k < clause.words; k++) places.push(at + k);
        if (clause.named && places.length > 1) out.push({ terms: places, name: c });
        var before = clauses[c - 1];
        if (before && places.length && ((!before.named && !clause.named) ||
            (clause.joined && !before.country && !clause.country))) {
          out.push({ terms: [at - 1, at], name: null, ordered: !!clause.joined });
        }
        at += clause.words;
      });
      return out;
    },
    /* Whether the words of each run (indexes into the places `at`, in the query's order)
       stand near each other: every two consecutive words of a run within `apart` words,
       in either order. A run of one word asks nothing, nor a word the text does not say
       (a name found by its tag, a word past the text's cut). */
    together: function (at, runs, apart) {
      return runs.every(function (run) {
        var words = run.terms || run, behind = run.ordered ? -1 : apart;
        for (var r = 0; r + 1 < words.length; r++) {
          var a = at[words[r]], b = at[words[r + 1]], near = !a.length || !b.length;
          for (var i = 0, j = 0; i < a.length && !near; i++) {
            while (j < b.length && b[j] < a[i] - behind) j++;
            near = j < b.length && b[j] <= a[i] + apart;
          }
          if (!near) return false;
        }
        return true;
      });
    }
  };
  window.hemerotecaRank = rank;

  var root = document.getElementById("hem-search");
  if (!root) return;
  var base = (root.getAttribute("data-base") || ".").replace(/\/$/, "");

  /* ---------- the interface's words: message ids of the catalogue (English) ---------- */
  function fill(text, args) {
    return text.replace(/\{(\w+)\}/g, function (all, k) { return args && k in args ? String(args[k]) : all; });
  }
  function N_(id) { return id; }  /* marks a message for `pybabel extract`, worded where shown */
  function T(id, args) { var i = window.hemerotecaI18n; return i ? i.t(id, args) : fill(id, args); }
  function TN(one, many, n, args) {
    var i = window.hemerotecaI18n;
    return i ? i.n(one, many, n, args) : fill(n === 1 ? one : many, Object.assign({ n: n }, args));
  }
  /* Facets by their code in the index and the address; shown by name. */
  var FACETS = [["country", N_("Country")], ["topic", N_("Topic")], ["language", N_("Language")]];
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

  var MONTHS = [N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
    N_("August"), N_("September"), N_("October"), N_("November"), N_("December")];
  function formatDate(d) {
    var i = window.hemerotecaI18n;
    if (i && i.date) return i.date(d);
    if (!d) return T("undated");
    var p = d.split("-");
    if (p.length === 1) return p[0];
    if (p.length === 2) return T(MONTHS[+p[1] - 1]) + " " + p[0];
    return (+p[2]) + " " + T(MONTHS[+p[1] - 1]) + " " + p[0];
  }

  /* ---------- the archive's index (search-index/, written by `hemeroteca render`) ---------- */
  /* Lower case without accents, ñ kept (search_text.fold). */
  function fold(text) {
    return text.toLowerCase().replace(/ñ/g, "\0").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\0/g, "ñ");
  }
  function tokens(text) { return fold(text).match(/[\p{L}\p{N}]+/gu) || []; }
  /* Index terms of the words said inside a ministry's name (search_text.NAMED). */
  var NAMED = "^";

  /* Postings: base-36 gaps joined by "." ("4.1a"), or a bitmap ("*4*Bw": the first number,
     then six numbers a character, lowest bit first; search_postings.BITMAP). */
  var BITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function decode(postings) {
    var out = [], n = 0;
    if (!postings) return out;
    if (postings.charAt(0) === "*") {
      var at = postings.indexOf("*", 1), first = parseInt(postings.slice(1, at), 36);
      for (var k = at + 1; k < postings.length; k++) {
        var bits = BITS.indexOf(postings.charAt(k)), base = first + 6 * (k - at - 1);
        for (var b = 0; bits; b++, bits >>= 1) if (bits & 1) out.push(base + b);
      }
      return out;
    }
    postings.split(".").forEach(function (gap) { n += parseInt(gap, 36); out.push(n); });
    return out;
  }
  /* How many articles postings apart by bucket hold, without listing them. */
  function held(text) {
    var count = 0;
    (text ? text.split(";") : []).forEach(function (part) {
      var gaps = part.slice(part.indexOf(":") + 1);
      if (gaps.charAt(0) !== "*") { count += gaps.split(".").length; return; }
      for (var k = gaps.indexOf("*", 1) + 1; k < gaps.length; k++) {
        for (var bits = BITS.indexOf(gaps.charAt(k)); bits; bits &= bits - 1) count++;
      }
    });
    return count;
  }

  /* Optimal string alignment distance (Damerau-Levenshtein without reuse), stopping past `most`. */
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var prev2 = null, prev = [], row;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        row.push(v);
        low = Math.min(low, v);
      }
      if (low > most) return most + 1;
      prev2 = prev; prev = row;
    }
    return prev[b.length];
  }

  function indexEngine() {
    var meta = null, keys = null, longest = 2, shards = {}, articles = {}, pending = {};
    var tails = new Set(), longestTail = 2, endings = {};  /* the words by their last letters (search_typos.py) */
    var stop = new Set(), joiners = new Set(), heads = new Set(), compounds = null, names = new Map(), nameWords = new Map(), longestName = 1, tagNames = new Map();
    var labels = { country: {}, topic: {}, language: {} };
    /* What the loaded files told of each article number: its language and year (null:
       undated; undefined: not known yet) from any postings that hold it, its year and place
       among its year's articles from that year's order file; and per facet value, its
       articles (with, for a country, those it is the main country of). */
    var languageOf = [], yearOf = [], placeOf = [], orders = {}, values = { country: {}, topic: {}, language: {} };
    var files = { country: {}, topic: {}, language: {} };  /* a value's file name */
    window.hemerotecaSearch = {
      addMeta: function (m) { meta = m; },
      addShard: function (key, terms) { shards[key] = terms; },
      addTail: function (key, words) { endings[key] = words; },
      addArticle: function (n, row) { articles[n] = row; },
      addOrder: function (year, text) {
        var list = orders[year] = text ? text.split(".").map(function (n) { return parseInt(n, 36); }) : [];
        var known = year === "undated" ? null : +year;
        list.forEach(function (n, place) { placeOf[n] = place; yearOf[n] = known; });
      },
      addFacet: function (facet, code, data) {
        values[facet][code] = { all: new Set(postings(data.p)), main: new Set(decode(data.m)) };
      }
    };
    function once(name, src, ready) {
      if (!pending[name]) pending[name] = loadScript(src).then(ready);
      return pending[name];
    }
    var started = once("meta", base + "/search-index/meta.js", function () {
      keys = new Set(meta.keys);
      meta.keys.forEach(function (k) { longest = Math.max(longest, k.length); });
      (meta.tails || []).forEach(function (k) { tails.add(k); longestTail = Math.max(longestTail, k.length); });
      (meta.stop || []).forEach(function (w) { stop.add(w); });
      (meta.join || []).forEach(function (w) { joiners.add(w); });
      (meta.heads || []).forEach(function (w) { heads.add(w); });
      compounds = rank.compounds(meta.compounds || []);
      [["country", meta.countries], ["topic", meta.topics], ["language", meta.languages]].forEach(function (f) {
        f[1].forEach(function (v) { labels[f[0]][v[0]] = v[1]; files[f[0]][v[0]] = v[2]; });
      });
      /* Names of countries and topics, folded, stop words out: name -> [facet, code]. */
      (meta.names || []).forEach(function (entry) {
        var code = (entry[1] === "country" ? meta.countries : meta.topics)[entry[2]][0];
        if (!names.has(entry[0])) names.set(entry[0], []);
        names.get(entry[0]).push([entry[1], code]);
        tagNames.set(entry[1] + ":" + code, (tagNames.get(entry[1] + ":" + code) || []).concat([entry[0]]));
        var words = entry[0].split(" ");
        longestName = Math.max(longestName, words.length);
        words.forEach(function (w) { nameWords.set(w, (nameWords.get(w) || 0) + 1); });
      });
    });

    /* Postings apart by bucket, "es2019:4.1a;pt:c" (gaps in base 36 in each), or by
       language alone for a bitmap ("es:*0*_-"): the article numbers, of the given languages
       only when `languages` is a Set; each one's language, and year unless a bitmap holds
       it, are noted on the way. */
    function postings(text, languages) {
      var out = [];
      (text ? text.split(";") : []).forEach(function (part) {
        var at = part.indexOf(":"), where = /^(.*?)(\d{4})?$/.exec(part.slice(0, at));
        if (languages && !languages.has(where[1])) return;
        var dense = part.charAt(at + 1) === "*", year = where[2] ? +where[2] : null;
        decode(part.slice(at + 1)).forEach(function (n) {
          languageOf[n] = where[1];
          if (!dense) yearOf[n] = year;
          out.push(n);
        });
      });
      return out;
    }
    /* A facet value's articles: its file, loaded once. */
    function valueOf(facet, code) {
      var file = files[facet][code];
      if (file === undefined) return Promise.resolve({ all: new Set(), main: new Set() });
      return once("f" + file, base + "/search-index/f/" + file + ".js", function () {})
        .then(function () { return values[facet][code] || { all: new Set(), main: new Set() }; });
    }
    /* A year's articles newest first (null: the undated), for the order of the results. */
    function order(year) {
      var name = year === null ? "undated" : String(year);
      return once("o" + name, base + "/search-index/o/" + name + ".js", function () {});
    }

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
      var found = [];
      for (var name of shardsUnder(word)) {
        await entry(name);
        var shard = shards[name] || {};
        Object.keys(shard).forEach(function (term) {
          if (term.startsWith(word) && shard[term].s) found.push(shard[term]);
        });
      }
      return found;
    }
    function shardsUnder(word) {
      return [keyFor(word)].concat(meta.keys.filter(function (k) {
        return k.length > word.length && k.startsWith(word);
      })).filter(function (k) { return k !== null; });
    }
    /* The stems a query word stands for, each with the languages it stands for them in
       (null: any). In turn: the word as a stem and as a form seen in the texts, both
       (an English "exportacion" must not hide the Spanish forms); else the seen forms it
       begins ("cooperativa" -> "cooperativas"); else its longest stem prefix. A form
       counts only in its own languages. */
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
      /* Its plural or singular as well, when the index has it: Snowball leaves some
         unstemmed (an acronym's "MSMEs"), and an exact hit must not hide them. */
      var variants = [word + "s", word + "es"];
      if (/s$/.test(word)) variants.push(word.slice(0, -1));
      if (/es$/.test(word)) variants.push(word.slice(0, -2));
      for (var v = 0; v < variants.length && word.length >= 3; v++) {
        var ve = await entry(variants[v]);
        if (ve && ve.p && !stems.has(variants[v])) stems.set(variants[v], null);
        add(ve);
      }
      if (!stems.size && word.length >= 4) (await completions(word)).forEach(add);
      for (var n = word.length - 1; !stems.size && n >= 5; n--) {
        var prefix = word.slice(0, n), p = await entry(prefix);
        if (p && p.p) stems.set(prefix, null);
      }
      return stems;
    }
    /* A word's articles: all, with it in the title, using it often; and its surface forms.
       `naming`: the query names a ministry ("Ministerio de Turismo"), so the word said inside a
       ministry's name counts too (the index keeps those apart: NAMED, search_text.portfolios),
       as it does for a word the texts say nowhere else. */
    async function wordDocs(word, naming) {
      var all = new Set(), title = new Set(), often = new Set(), forms = new Set([word]);
      var stems = await stemsOf(word);
      if ((naming || !stems.size) && !heads.has(word)) {
        (await stemsOf(NAMED + word)).forEach(function (languages, stem) { stems.set(stem, languages); });
      }
      for (var [stem, languages] of stems) {
        var e = await entry(stem);
        if (!e) continue;
        forms.add(stem.replace(NAMED, ""));
        (e.f || []).forEach(function (f) { forms.add(f.replace(NAMED, "")); });
        /* Title and "often" postings only weigh the articles found: no language to check. */
        postings(e.p, languages).forEach(function (n) { all.add(n); });
        decode(e.t).forEach(function (n) { title.add(n); });
        decode(e.o).forEach(function (n) { often.add(n); });
      }
      return { all: all, title: title, often: often, forms: forms };
    }
    /* The words seen in the texts that end as `word` does, each with the articles its stems
       reach: the file of the longest ending of the table that ends the word. */
    async function sameEnding(word) {
      var reversed = Array.from(word).reverse().join("");
      for (var n = Math.min(reversed.length, longestTail); n >= 2; n--) {
        var key = reversed.slice(0, n);
        if (!tails.has(key)) continue;
        await once("e" + key, base + "/search-index/e-" + encodeURIComponent(key) + ".js", function () {});
        return endings[key] || {};
      }
      return {};
    }
    /* The nearest word the index knows: a seen form or stem of the word's shard (same first
       letters), a seen word of the same ending (a mistake in the first letters), or a word
       of a name, one letter apart (two for words of eight letters or more); the one most
       articles hold wins. null when none is near enough. */
    async function nearest(word) {
      if (word.length < 4 || /\d/.test(word)) return null;
      var most = word.length >= 8 ? 2 : 1, best = null;
      function consider(term, weight) {
        if (term === word || /\d/.test(term)) return;
        var d = distance(word, term, most);
        if (d > most) return;
        if (!best || d < best.d || (d === best.d && weight > best.weight)) best = { term: term, d: d, weight: weight };
      }
      var key = keyFor(word);
      if (key !== null) {
        await entry(word);
        var shard = shards[key] || {};
        Object.keys(shard).forEach(function (term) {
          var e = shard[term];
          if (e.s || (e.p && !e.f)) consider(term, held(e.p) + (e.s ? 50 : 0));
        });
      }
      var ending = await sameEnding(word);
      Object.keys(ending).forEach(function (term) { consider(term, ending[term]); });
      nameWords.forEach(function (count, term) { consider(term, 1000 * count); });
      return best && best.term;
    }
    /* The query as clauses: the longest runs of words that name a country or topic (meta.js)
       or an actor (an index term "~name": every name and alias of the authority file), and
       single words. */
    async function actorDocs(run) {
      var e = await entry("~" + run);
      if (!e || !e.p) return null;
      var docs = new Set(postings(e.p));
      docs.titled = new Set(decode(e.t));  /* the articles whose title names the actor */
      return docs;
    }
    async function parse(query) {
      /* The words that are no stop words, and whether a joining word ("de", "do", "of")
         stood before each: "cooperativas de crédito" is one phrase, "cooperativas Brasil" two. */
      var words = [], joined = [], joining = false;
      tokens(query).forEach(function (w) {
        if (stop.has(w)) { joining = joining || joiners.has(w); return; }
        joined.push(joining && words.length > 0);
        words.push(w);
        joining = false;
      });
      var fixed = [];
      for (var i = 0; i < words.length; i++) {
        if (nameWords.has(words[i]) || (await stemsOf(words[i])).size || (await actorDocs(words[i])) ||
            (await stemsOf(NAMED + words[i])).size) continue;
        var near = await nearest(words[i]);
        if (near) { fixed.push([words[i], near]); words[i] = near; }
      }
      var clauses = [];
      for (i = 0; i < words.length;) {
        var clause = null;
        for (var size = Math.min(Math.max(longestName, 8), words.length - i); size >= 1 && !clause; size--) {
          var run = words.slice(i, i + size).join(" "), actors = await actorDocs(run);
          if (names.has(run) || actors) {
            clause = { words: words.slice(i, i + size), tags: names.get(run) || [], actors: actors, joined: joined[i] };
          }
        }
        clause = clause || { words: [words[i]], tags: [], actors: null, joined: joined[i] };
        clauses.push(clause);
        i += clause.words.length;
      }
      return { clauses: clauses, fixed: fixed, words: words };
    }
    function idf(count) {
      return Math.log(1 + (meta.count - count + 0.5) / (count + 0.5));
    }
    /* The articles holding every word of a list, scored: each word's rarity (or `rarity`,
       for a name's words) times where it is. `terms`, when given, receives each word's
       forms and weight, in order, for the proximity of the words on the first page. */
    async function textScores(words, forms, rarity, terms, naming) {
      var text = null, scores = new Map(), marked = null;
      for (var w = 0; w < words.length; w++) {
        var found = await wordDocs(words[w], naming), weight = rarity || idf(found.all.size);
        found.forms.forEach(function (f) { forms.add(f); });
        if (terms) terms.push({ forms: found.forms, weight: weight });
        found.all.forEach(function (n) {
          var s = WEIGHT.text + (found.often.has(n) ? WEIGHT.often : 0) + (found.title.has(n) ? WEIGHT.title : 0);
          scores.set(n, (scores.get(n) || 0) + weight * s);
        });
        text = text === null ? found.all : new Set(Array.from(text).filter(function (n) { return found.all.has(n); }));
        var strong = new Set(Array.from(found.often).concat(Array.from(found.title)));
        marked = marked === null ? strong : new Set(Array.from(marked).filter(function (n) { return strong.has(n); }));
      }
      var hits = new Map();
      (text || new Set()).forEach(function (n) { hits.set(n, scores.get(n)); });
      /* The articles whose title says every word, or that use each often (index bits). */
      hits.marked = marked || new Set();
      return hits;
    }
    /* A clause's articles with their scores, the forms to highlight, and the tags it matched.
       A name (country, topic, actor) weighs as much as the articles tagged with it are few,
       its words in a text as much; its names in the other languages count a third, so a
       Spanish query ranks the Spanish texts that say it first. */
    async function clauseScores(clause, naming) {
      var forms = new Set(), tagged = new Map(), holders = new Map(), main = new Set(), terms = [];
      for (var g = 0; g < clause.tags.length; g++) {
        var tag = clause.tags[g], value = await valueOf(tag[0], tag[1]);
        value.all.forEach(function (n) {
          holders.set(n, true);
          tagged.set(n, (tagged.get(n) || []).concat([tag]));
        });
        /* A country is most an article's when it is its main one (the record lists it first). */
        if (tag[0] === "country") value.main.forEach(function (n) { main.add(n); });
      }
      if (clause.actors) clause.actors.forEach(function (n) { holders.set(n, true); });
      var named = clause.tags.length || clause.actors, rarity = named ? idf(holders.size || 1) : 0;
      var hits = await textScores(clause.words, forms, rarity, terms, naming), spoken = [clause.words.join(" ")];
      /* A country's or an actor's name said once in a text not tagged with it is said in
         passing ("with Peru, Chile and Colombia"), or is another word that reads the same
         (CAF and café, OIT and oito share a stem): only a title or a text that says it often
         counts. */
      if (named && clause.tags.every(function (tag) { return tag[0] === "country"; })) {
        hits.forEach(function (s, n) { if (!holders.has(n) && !hits.marked.has(n)) hits.delete(n); });
      }
      /* The articles only the clause's own words found (not tagged with its name, not found by
         its names in other languages): their texts must say its words together. */
      var own = new Set(Array.from(hits.keys()).filter(function (n) { return !holders.has(n); }));
      for (var t = 0; t < clause.tags.length; t++) {
        for (var other of (tagNames.get(clause.tags[t].join(":")) || [])) {
          if (spoken.indexOf(other) >= 0) continue;
          spoken.push(other);
          /* A topic's tags miss some texts; a country's rarely do, and its names are often
             said in passing: they only rank the articles tagged with it. */
          var adds = clause.tags[t][0] === "topic";
          (await textScores(other.split(" "), forms, rarity, null, naming)).forEach(function (s, n) {
            if (adds || holders.has(n)) hits.set(n, Math.max(hits.get(n) || 0, s / 3));
          });
        }
      }
      /* An actor is most an article's when its title names it, by any of its names: as much
         as a query word in a title (text and title). */
      var titled = clause.actors ? clause.actors.titled : new Set();
      holders.forEach(function (yes, n) {
        var weight = WEIGHT.tag + (main.has(n) ? WEIGHT.main : 0) + (titled.has(n) ? WEIGHT.text + WEIGHT.title : 0);
        hits.set(n, (hits.get(n) || 0) + weight * rarity * clause.words.length);
      });
      /* The countries it names, with their weight: the first page favours the articles about
         fewer countries (rerank). */
      var places = clause.tags.filter(function (tag) { return tag[0] === "country"; })
        .map(function (tag) { return { code: tag[1], weight: rarity * clause.words.length }; });
      return { hits: hits, forms: forms, tagged: tagged, terms: terms, own: own, places: places };
    }
    /* The first page (once in order) ranked again, in place, with what the texts it shows
       anyway tell (no more files load): how close the query's words stand, and how often
       each is used for the text's length (BM25's term frequency; the index keeps one bit
       of it, "used often", so articles equal on it would come out in any order). */
    async function rerank(results, score, terms, places) {
      var top = results.slice(0, PAGE), rows = await Promise.all(top.map(article));
      var forms = terms.map(function (term) { return term.forms; });
      var weights = terms.map(function (term) { return term.weight; });
      var texts = rows.map(function (row) { return textWords(row[1] + " \n " + row[3]); });
      var mean = texts.reduce(function (sum, words) { return sum + words.length; }, 0) / texts.length || 1;
      var bonus = new Map(), place = new Map();
      top.forEach(function (n, i) {
        var at = rank.positions(texts[i], forms), tf = 0;
        at.forEach(function (places, t) { tf += weights[t] * rank.saturated(places.length, texts[i].length, mean); });
        bonus.set(n, WEIGHT.near * rank.nearness(at, weights) + WEIGHT.tf * tf + WEIGHT.focus * rank.focus(rows[i][5], places));
        place.set(n, i);
      });
      top.sort(function (a, b) {
        return (score.get(b) || 0) + bonus.get(b) - (score.get(a) || 0) - bonus.get(a) || place.get(a) - place.get(b);
      });
      top.forEach(function (n, i) { results[i] = n; });
    }
    function textWords(text) { return rank.words(text, stop, compounds); }
    async function article(n) {
      await once("a" + n, base + "/search-index/a/" + n + ".js", function () {});
      return articles[n];
    }
    /* The words-together rule (rank.runs): `asks(n)` whether candidate n must say some run's
       words together (a run whose words only its own words found), `says(n, row)` whether its
       text does. A text cut at TEXT_CHARS is kept: it may say them further on. */
    function wordsTogether(runs, terms) {
      var forms = terms.map(function (term) { return term.forms; });
      function asked(n) { return runs.filter(function (run) { return !run.own || run.own.has(n); }); }
      return {
        asks: function (n) { return asked(n).length > 0; },
        says: function (n, row) {
          var runsAsked = asked(n);
          if (!runsAsked.length || row[3].length >= TEXT_CHARS - 100) return true;
          var words = textWords(row[1] + " \n " + row[3]);
          return rank.together(rank.positions(words, forms), runsAsked, APART);
        }
      };
    }
    /* When more candidates ask the rule than DECIDE: the candidates, in order, whose texts say
       the words together, put into `kept` as far as asked, their texts (the files the results
       on screen load anyway) looked at a page at a time, INSPECT pages at most for one page of
       results (more while none is kept), so a query costs a bounded number of files whatever
       the archive's size. `result.total` is then the kept ones and the candidates not yet
       looked at, and `result.atMost` says it may shrink, until none that asks is left. */
    var INSPECT = 3, DECIDE = INSPECT * PAGE;
    function together(candidates, kept, upTo, check, result) {
      var cursor = 0;
      return async function (to) {
        var looked = 0;
        while (kept.length < to && cursor < candidates.length
               && (looked < INSPECT * PAGE || (!kept.length && looked < 3 * INSPECT * PAGE))) {
          var size = Math.min(PAGE, candidates.length - cursor);
          await upTo(cursor + size);
          var batch = candidates.slice(cursor, cursor + size);
          var asking = batch.filter(check.asks), texts = await Promise.all(asking.map(article));
          var apart = new Set(asking.filter(function (n, i) { return !check.says(n, texts[i]); }));
          batch.forEach(function (n) { if (!apart.has(n)) kept.push(n); });
          cursor += size;
          looked += asking.length;
        }
        result.total = kept.length + candidates.length - cursor;
        result.atMost = candidates.slice(cursor).some(check.asks);
      };
    }
    var NONE = { all: new Set(), main: new Set() };
    /* Every value's file of a facet, and then each article's values of it (for the counts). */
    var listed = {};
    async function valuesByArticle(facet) {
      if (listed[facet]) return listed[facet];
      var vocabulary = facet === "country" ? meta.countries : meta.topics;
      await Promise.all(vocabulary.map(function (v) { return valueOf(facet, v[0]); }));
      var byArticle = [];
      vocabulary.forEach(function (v) {
        (values[facet][v[0]] || NONE).all.forEach(function (n) { (byArticle[n] = byArticle[n] || []).push(v[0]); });
      });
      listed[facet] = byArticle;
      return byArticle;
    }
    /* A year to sort by: the undated after the dated, those not known yet after them all. */
    function yearKey(n) { return yearOf[n] === null ? -1 : yearOf[n] === undefined ? -2 : yearOf[n]; }
    function unknownYear(n) { return yearOf[n] === undefined; }
    function undated() { return meta.count > meta.years.reduce(function (sum, y) { return sum + y[1]; }, 0); }
    /* The years newest first, then null for the undated if there are any. */
    function newestYears() {
      var years = meta.years.map(function (y) { return +y[0]; });
      if (undated()) years.push(null);
      return years;
    }
    /* The archive newest first, the years' orders one after the other, as far as `count`. */
    var newest = [], walked = 0;
    async function walk(count) {
      var years = newestYears();
      while (newest.length < count && walked < years.length) {
        var year = years[walked++];
        await order(year);
        newest = newest.concat(orders[year === null ? "undated" : String(year)] || []);
      }
    }
    /* The years' files newest first, as far as it takes to know which `need` articles of
       `group` come first by year: until as many are known to be of a newer year than the
       next file's, or no year of the group is unknown. */
    async function placeYears(group, need) {
      var years = newestYears();
      for (var y = 0; y < years.length && group.some(unknownYear); y++) {
        var key = years[y] === null ? -1 : years[y];
        if (group.filter(function (n) { return yearKey(n) > key; }).length >= need) break;
        await order(years[y]);
      }
    }
    /* Results in order, by score (none when sorting newest first), then year, then place within
       the year (ties go to the newest): the places of a year are loaded when a page of
       results reaches a group of equal score and year that it would order, and the years of
       a group's articles that the postings did not tell (a bitmap's) when it reaches it. */
    function ranking(numbers, score) {
      var ordered = 0;
      numbers.sort(function (a, b) { return score(b) - score(a) || yearKey(b) - yearKey(a); });
      function put(from, group) { for (var k = 0; k < group.length; k++) numbers[from + k] = group[k]; }
      return async function (to) {
        var i = ordered;
        while (i < Math.min(to, numbers.length)) {
          var end = i + 1;
          while (end < numbers.length && score(numbers[end]) === score(numbers[i])) end++;
          if (end - i > 1 && numbers.slice(i, end).some(unknownYear)) {
            await placeYears(numbers.slice(i, end), to - i);
            put(i, numbers.slice(i, end).sort(function (a, b) { return yearKey(b) - yearKey(a); }));
          }
          while (i < Math.min(to, end)) {
            var j = i + 1;
            while (j < end && yearKey(numbers[j]) === yearKey(numbers[i])) j++;
            if (j - i > 1) {
              await order(yearOf[numbers[i]]);
              put(i, numbers.slice(i, j).sort(function (a, b) { return placeOf[a] - placeOf[b]; }));
            }
            i = j;
          }
        }
        ordered = Math.max(ordered, i);
      };
    }
    return {
      name: "index",
      ready: started,
      labels: labels,
      years: function () { return meta.years.map(function (y) { return +y[0]; }); },
      /* `withCounts`: the filters are open, and their counts wanted (they load every value's file). */
      search: async function (query, filters, sort, withCounts) {
        await started;
        var parsed = await parse(query), hits = null, score = new Map(), forms = new Set(), tagged = new Map();
        /* Each clause's words (their forms and weights, in order) and the articles only its
           own words found: rank.runs says which must stand together. */
        var terms = [], owns = [], places = [];
        var naming = parsed.words.some(function (w) { return heads.has(w); });
        for (var c = 0; c < parsed.clauses.length; c++) {
          var found = await clauseScores(parsed.clauses[c], naming);
          terms = terms.concat(found.terms);
          places = places.concat(found.places);
          owns.push(found.own);
          found.forms.forEach(function (f) { forms.add(f); });
          found.tagged.forEach(function (tags, n) { tagged.set(n, (tagged.get(n) || []).concat(tags)); });
          found.hits.forEach(function (s, n) { score.set(n, (score.get(n) || 0) + s); });
          hits = hits === null ? new Set(found.hits.keys())
            : new Set(Array.from(hits).filter(function (n) { return found.hits.has(n); }));
        }
        /* No clause: the empty query lists every article; a query of stop words alone, none. */
        var common = !parsed.words.length && tokens(query).length > 0;
        var dated = filters.from || filters.to;
        var filtering = dated || FACETS.some(function (f) { return filters[f[0]].length; });
        var result = { common: common, fixed: parsed.fixed, forms: forms, counts: null, dated: 0 };
        function row(d, n) {
          return {
            id: d[0], title: d[1], date: formatDate(d[2]), text: d[3], lang: d[4],
            countries: d[5], language: d[4], tagged: tagged.get(n) || []
          };
        }
        function rows(list, from, to) {
          var slice = list.slice(from, to);
          return Promise.all(slice.map(article)).then(function (found) {
            return found.map(function (d, i) { return row(d, slice[i]); });
          });
        }
        if (hits === null && !common && !filtering) {
          /* The whole archive, newest first: its counts are in meta.js. */
          result.total = meta.count;
          if (withCounts) {
            result.counts = {};
            [["country", meta.countries], ["topic", meta.topics], ["language", meta.languages]].forEach(function (f) {
              result.counts[f[0]] = {};
              f[1].forEach(function (v) { result.counts[f[0]][v[0]] = v[3]; });
            });
            result.dated = meta.years.reduce(function (sum, y) { return sum + y[1]; }, 0);
          }
          result.page = async function (from, to) { await walk(to); return rows(newest, from, to); };
          return result;
        }
        var numbers;
        if (hits !== null) numbers = Array.from(hits);
        else if (common) numbers = [];
        else {
          /* Every article, to filter: the languages' files hold each once, with its year. */
          var all = new Set();
          for (var l = 0; l < meta.languages.length; l++) {
            (await valueOf("language", meta.languages[l][0])).all.forEach(function (n) { all.add(n); });
          }
          numbers = Array.from(all);
        }
        for (var f = 0; f < FACETS.length; f++) {
          if (FACETS[f][0] === "language") continue;
          for (var v = 0; v < filters[FACETS[f][0]].length; v++) await valueOf(FACETS[f][0], filters[FACETS[f][0]][v]);
        }
        var byArticle = {};
        if (withCounts) {
          byArticle.country = await valuesByArticle("country");
          byArticle.topic = await valuesByArticle("topic");
        }
        function has(facet, n, code) {
          return facet === "language" ? languageOf[n] === code : (values[facet][code] || NONE).all.has(n);
        }
        /* A facet's counts tell how many results ticking a value would give: the results
           filtered by every other facet (values of one facet are "either"). */
        function keeps(n, except) {
          if (dated && except !== "date") {
            var y = yearOf[n];
            if (y === null || y === undefined || (filters.from && y < filters.from) || (filters.to && y > filters.to)) return false;
          }
          return FACETS.every(function (facet) {
            var picked = filters[facet[0]];
            return facet[0] === except || !picked.length || picked.some(function (code) { return has(facet[0], n, code); });
          });
        }
        /* Years a bitmap left unknown: a date filter needs the files of the years it keeps (an
           article in none of them is outside it), the count of dated results the undated's. */
        if (numbers.some(unknownYear)) {
          for (var y = 0; dated && y < meta.years.length; y++) {
            var year = +meta.years[y][0];
            if ((!filters.from || year >= filters.from) && (!filters.to || year <= filters.to)) await order(year);
          }
          if (withCounts && undated()) await order(null);
        }
        var runs = rank.runs(parsed.clauses.map(function (clause) {
          return {
            words: clause.words.length, named: !!(clause.tags.length || clause.actors), joined: clause.joined,
            country: !clause.actors && clause.tags.length > 0 && clause.tags.every(function (tag) { return tag[0] === "country"; })
          };
        })).map(function (run) { return { terms: run.terms, ordered: run.ordered, own: run.name === null ? null : owns[run.name] }; });
        var check = wordsTogether(runs, terms), undecided = runs.length > 0;
        /* The rule decided before anything is counted, when at most DECIDE candidates ask it
           (those the counts need, or the results): their texts are files the results load
           anyway, so the number of results and the counts are exact from the first page. */
        if (undecided) {
          var pool = withCounts ? numbers : numbers.filter(function (n) { return keeps(n, null); });
          var asking = pool.filter(check.asks);
          if (asking.length <= DECIDE) {
            var texts = await Promise.all(asking.map(article));
            var apart = new Set(asking.filter(function (n, i) { return !check.says(n, texts[i]); }));
            numbers = numbers.filter(function (n) { return !apart.has(n); });
            undecided = false;
          }
        }
        var results = numbers.filter(function (n) { return keeps(n, null); });
        if (withCounts) {
          result.counts = {};
          FACETS.forEach(function (facet) {
            var counts = result.counts[facet[0]] = {};
            numbers.forEach(function (n) {
              if (!keeps(n, facet[0])) return;
              (facet[0] === "language" ? [languageOf[n]] : byArticle[facet[0]][n] || []).forEach(function (code) {
                counts[code] = (counts[code] || 0) + 1;
              });
            });
          });
          result.dated = numbers.filter(function (n) { return yearOf[n] !== null && keeps(n, "date"); }).length;
        }
        var upTo = ranking(results, sort === "newest" ? function () { return 0; }
          : function (n) { return score.get(n) || 0; });
        var passing = results, ready = upTo;
        if (undecided) {
          passing = [];
          ready = together(results, passing, upTo, check, result);
        }
        await ready(PAGE);
        if (sort !== "newest" && (terms.length || places.length)) await rerank(passing, score, terms, places);
        if (!undecided) result.total = results.length;
        result.page = async function (from, to) { await ready(to); return rows(passing, from, to); };
        return result;
      }
    };
  }

  /* ---------- passages and highlighting ---------- */
  /* The passage of a text with the most query words (the opening when none), as a list of
     [text, matched] pieces, about `size` characters long. */
  function passage(text, forms, size) {
    var parts = text.split(/(?<=[.!?;:])\s+|\n/), best = 0, bestCount = 0;
    parts.forEach(function (part, i) {
      var seen = new Set();
      (part.match(/[\p{L}\p{N}]+/gu) || []).forEach(function (w) { if (forms.has(fold(w))) seen.add(fold(w)); });
      if (seen.size > bestCount) { best = i; bestCount = seen.size; }
    });
    var chosen = parts[best] || "", start = 0;
    for (var k = best + 1; chosen.length < size && k < parts.length; k++) chosen += " " + parts[k];
    if (chosen.length > size) {
      var first = bestCount ? firstMatch(chosen, forms) : 0;
      start = Math.max(0, first - Math.floor(size / 3));
      start = start ? chosen.indexOf(" ", start) + 1 : 0;
      chosen = chosen.slice(start, start + size).replace(/\s+\S*$/, "");
    }
    return (best > 0 || start > 0 ? "… " : "") + chosen + (chosen.length < text.length ? " …" : "");
  }
  function firstMatch(text, forms) {
    var re = /[\p{L}\p{N}]+/gu, m;
    while ((m = re.exec(text))) if (forms.has(fold(m[0]))) return m.index;
    return 0;
  }
  /* Appends `text` to `node`, its words among `forms` wrapped in <mark>. */
  function highlight(node, text, forms) {
    var re = /[\p{L}\p{N}]+/gu, m, at = 0;
    while ((m = re.exec(text))) {
      if (!forms.has(fold(m[0]))) continue;
      if (m.index > at) node.appendChild(document.createTextNode(text.slice(at, m.index)));
      node.appendChild(el("mark", { "class": "hem-hl" }, m[0]));
      at = m.index + m[0].length;
    }
    if (at < text.length) node.appendChild(document.createTextNode(text.slice(at)));
    return node;
  }
  /* The forms of `forms` that the text holds: they go with the link, for the article page. */
  function present(text, forms) {
    var out = new Set();
    (text.match(/[\p{L}\p{N}]+/gu) || []).forEach(function (w) { if (forms.has(fold(w))) out.add(fold(w)); });
    return Array.from(out).sort();
  }

  /* ---------- user interface ---------- */
  var form = root.querySelector("form"), input = root.querySelector("input[type=search]");
  var status = root.querySelector(".hem-search-status"), list = root.querySelector(".hem-results");
  var facetsBox = root.querySelector(".hem-facets"), more = root.querySelector(".hem-more");
  var chosen = { from: null, to: null, sort: "relevance" }, current = null, shown = 0, serial = 0;
  FACETS.forEach(function (f) { chosen[f[0]] = []; });

  /* The filters sit in a disclosure, closed until the reader opens it or a filter is on:
     their counts need every facet value's articles, which a large archive should not
     send with every query. */
  var panel = el("details", { "class": "hem-filters" });
  var summary = el("summary", {}, T("Filters"));
  panel.appendChild(summary);
  facetsBox.parentNode.insertBefore(panel, facetsBox);
  panel.appendChild(facetsBox);
  panel.addEventListener("toggle", function () {
    if (panel.open && current && !current.counts && current.serial === serial) counted();
  });

  var tools = el("div", { "class": "hem-tools" });
  var sortLabel = el("label", { "for": "hem-sort" }, T("Sort by") + " ");
  var sortBox = el("select", { id: "hem-sort" });
  [["relevance", N_("relevance")], ["newest", N_("newest first")]].forEach(function (o) {
    sortBox.appendChild(el("option", { value: o[0] }, T(o[1])));
  });
  sortLabel.appendChild(sortBox);
  var clear = el("button", { type: "button", "class": "md-button hem-clear" }, T("Clear filters"));
  clear.hidden = true;
  tools.appendChild(sortLabel);
  tools.appendChild(clear);
  var fixedNote = el("p", { "class": "hem-fixed" });
  fixedNote.hidden = true;
  status.parentNode.insertBefore(fixedNote, status.nextSibling);
  list.parentNode.insertBefore(tools, list);

  var engine = Promise.resolve(indexEngine())
    .then(function (e) { root.setAttribute("data-engine", e.name); return e; });

  var labelSource = null;  /* the index's English names, until a catalogue names them */
  function display(facet, code) {
    var i = window.hemerotecaI18n;
    return (i && i.name && i.name(facet + ":" + code)) || (labelSource && labelSource[facet][code]) || code;
  }

  function active() {
    return FACETS.some(function (f) { return chosen[f[0]].length; }) || chosen.from !== null || chosen.to !== null;
  }

  /* The address holds the query, the filters and the sort. */
  function readAddress() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    FACETS.forEach(function (f) { chosen[f[0]] = params.getAll(f[0]); });
    chosen.from = /^\d{4}$/.test(params.get("from") || "") ? +params.get("from") : null;
    chosen.to = /^\d{4}$/.test(params.get("to") || "") ? +params.get("to") : null;
    chosen.sort = params.get("sort") === "newest" ? "newest" : "relevance";
    sortBox.value = chosen.sort;
  }
  function writeAddress(query) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    FACETS.forEach(function (f) { chosen[f[0]].forEach(function (v) { params.append(f[0], v); }); });
    if (chosen.from !== null) params.set("from", chosen.from);
    if (chosen.to !== null) params.set("to", chosen.to);
    if (chosen.sort !== "relevance") params.set("sort", chosen.sort);
    var search = params.toString();
    try {
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    } catch (e) { /* some browsers refuse history changes on file:// pages */ }
  }

  function yearSelect(id, text, value, years, pick) {
    var label = el("label", { "for": id }, text + " ");
    var select = el("select", { id: id });
    select.appendChild(el("option", { value: "" }, T("any")));
    years.forEach(function (y) {
      var option = el("option", { value: String(y) }, String(y));
      if (y === value) option.selected = true;
      select.appendChild(option);
    });
    select.addEventListener("change", function () { pick(select.value ? +select.value : null); run(id); });
    label.appendChild(select);
    return label;
  }

  function renderFacets(result, allYears) {
    facetsBox.textContent = "";
    if (!result.counts) return;
    FACETS.forEach(function (f) {
      var counts = result.counts[f[0]] || {};
      var values = Object.keys(counts);
      chosen[f[0]].forEach(function (v) { if (values.indexOf(v) < 0) values.push(v); });
      values.sort(function (a, b) { return display(f[0], a).localeCompare(display(f[0], b)); });
      if (!values.length) return;
      var box = el("fieldset", { "class": "hem-facet", "data-facet": f[0] });
      box.appendChild(el("legend", {}, T(f[1])));
      values.forEach(function (v) {
        var id = "hem-f-" + f[0] + "-" + v.replace(/[^A-Za-z0-9]+/g, "-");
        var label = el("label", { "for": id });
        var tick = el("input", { type: "checkbox", id: id, value: v });
        tick.checked = chosen[f[0]].indexOf(v) >= 0;
        tick.addEventListener("change", function () {
          var picked = chosen[f[0]], at = picked.indexOf(v);
          if (tick.checked && at < 0) picked.push(v);
          if (!tick.checked && at >= 0) picked.splice(at, 1);
          run(id);
        });
        label.appendChild(tick);
        label.appendChild(document.createTextNode(" " + display(f[0], v) + " "));
        label.appendChild(el("span", { "class": "hem-count" }, "(" + (counts[v] || 0) + ")"));
        box.appendChild(label);
      });
      facetsBox.appendChild(box);
    });
    var years = Array.from(new Set(allYears)).sort(function (a, b) { return b - a; });
    if (years.length || chosen.from !== null || chosen.to !== null) {
      var dates = el("fieldset", { "class": "hem-facet hem-dates", "data-facet": "date" });
      dates.appendChild(el("legend", {}, T("Date")));
      var within = result.dated;
      dates.appendChild(yearSelect("hem-from", T("From"), chosen.from, years.slice().reverse(),
        function (y) { chosen.from = y; }));
      dates.appendChild(yearSelect("hem-to", T("To"), chosen.to, years, function (y) { chosen.to = y; }));
      dates.appendChild(el("p", { "class": "hem-count" }, TN("{n} dated result", "{n} dated results", within)));
      facetsBox.appendChild(dates);
    }
  }

  function renderRows(rows, forms) {
    rows.forEach(function (r) {
      var li = el("li", { "class": "hem-result" });
      var words = present(r.title + " " + r.text, forms);
      var href = base + "/articles/" + r.id + ".html" + (words.length ? "?hl=" + encodeURIComponent(words.join(" ")) : "");
      var a = highlight(el("a", { href: href, lang: r.lang }), r.title, forms);
      li.appendChild(el("h2", { "class": "hem-result-title" })).appendChild(a);
      var bits = [r.date].concat(r.countries.map(function (c) { return display("country", c); }),
        [display("language", r.language)]);
      li.appendChild(el("p", { "class": "hem-result-meta" }, bits.filter(Boolean).join(" · ")));
      if (r.tagged.length) {
        var seen = {};
        var why = r.tagged.filter(function (t) { var k = t.join(":"); return seen[k] ? false : (seen[k] = true); })
          .map(function (t) { return T("tagged {name}", { name: display(t[0], t[1]) }); }).join(" · ");
        li.appendChild(el("p", { "class": "hem-tagged" }, why));
      }
      if (r.text) li.appendChild(highlight(el("p", { "class": "hem-excerpt", lang: r.lang }), passage(r.text, forms, 240), forms));
      list.appendChild(li);
    });
  }

  /* The number of results: exact, or, when more candidates had to be looked at for the words
     standing together than a query loads at once, "at most" (it shrinks as pages are shown). */
  function tell(result) {
    var query = result.query;
    if (!query) {
      status.textContent = active() ? TN("{n} article", "{n} articles", result.total)
        : TN("{n} article in the archive: type a word, or narrow them with the filters.",
          "{n} articles in the archive: type a word, or narrow them with the filters.", result.total);
    } else if (result.common) {
      status.textContent = T("“{query}” is too common to search for: add another word.", { query: query });
    } else {
      status.textContent = result.total === 0 ? T("No articles found.")
        : result.atMost ? TN("At most {n} article for “{query}”", "At most {n} articles for “{query}”", result.total, { query: query })
        : TN("{n} article for “{query}”", "{n} articles for “{query}”", result.total, { query: query });
    }
  }

  async function showMore() {
    var mine = serial, result = current, from = shown;
    if (result.busy) return;  /* a page on its way: a second click would ask for it again */
    result.busy = true;
    var rows = await result.page(from, from + PAGE);
    result.busy = false;
    if (mine !== serial) return;
    shown += rows.length;
    renderRows(rows, result.forms);
    more.hidden = shown >= result.total;
    tell(result);
    root.setAttribute("data-paged", String(from)); /* for tests and scripts: a page came, maybe empty */
  }

  /* The filters opened on results shown without them: the same search, with the counts. */
  async function counted() {
    var mine = serial, e = await engine;
    var result = await e.search(input.value.trim(), chosen, chosen.sort, true);
    if (mine !== serial) return;
    current.counts = result.counts;
    current.dated = result.dated;
    renderFacets(current, e.years());
    root.setAttribute("data-counted", String(mine)); /* for tests and scripts */
  }

  async function run(focusId) {
    var mine = ++serial, query = input.value.trim();
    writeAddress(query);
    clear.hidden = !active();
    status.textContent = T("Searching…");
    var e = await engine;
    await e.ready;
    labelSource = e.labels;
    if (active()) panel.open = true;
    var result = await e.search(query, chosen, chosen.sort, panel.open);
    if (mine !== serial) return;
    current = result; result.serial = mine; shown = 0; list.textContent = "";
    result.query = query;
    fixedNote.hidden = !result.fixed.length;
    fixedNote.textContent = result.fixed.map(function (pair) {
      return T("No article has “{word}”: showing “{near}” instead.", { word: pair[0], near: pair[1] });
    }).join(" ");
    renderFacets(result, e.years());
    tools.hidden = !result.total;
    await showMore();
    if (focusId) {
      var again = document.getElementById(focusId);
      if (again) again.focus();
    }
    if (mine === serial) root.setAttribute("data-done", String(mine)); /* for tests and scripts */
  }

  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 250); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); clearTimeout(timer); run(); });
  more.addEventListener("click", showMore);
  sortBox.addEventListener("change", function () { chosen.sort = sortBox.value; run("hem-sort"); });
  clear.addEventListener("click", function () {
    FACETS.forEach(function (f) { chosen[f[0]] = []; });
    chosen.from = chosen.to = null;
    run();
    input.focus();
  });
  window.addEventListener("popstate", function () { readAddress(); run(); });
  readAddress();
  /* After the catalogue's script, when there is one (loaded at the end of the page); again
     when the reader switches language, so results and filters are worded anew. */
  document.addEventListener("hemeroteca:language", function () { run(); });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { run(); });
  else run();
})();
