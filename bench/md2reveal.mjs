#!/usr/bin/env node
// md2reveal.mjs: turns a boothdeck Markdown deck (docs/deck-format.md) into a reveal.js deck,
// so that bench/compare.sh can show the same slides in Chromium.
//
//   node bench/md2reveal.mjs DECK.md OUT.html [--reveal DIR] [--autoslide MS]
//
// --reveal DIR   where reveal.js's dist/ folder is, relative to OUT.html (default: reveal.js)
// --autoslide MS 0: no autoplay; N: every slide shows N ms (like boothdeck --duration N/1000),
//                overriding the deck's durations; absent: the deck's own durations.
//
// It handles the subset the format defines: front matter, `---` slide breaks outside fences,
// per-slide comments (layout: cover, duration, notes), headings, paragraphs, **bold**, *italic*,
// `code`, nested lists, GFM tables, images and ```bars blocks. A bars block becomes HTML bars
// whose width grows with a CSS transition when their slide becomes the present one (the same
// delay, stagger and duration as boothdeck's). The look follows boothdeck's dark theme: the
// background #12151C, NanumSquare headings and NanumBarunGothic text, sizes at 1080 pixels.
// No dependencies beyond node itself.
import fs from "node:fs";
import path from "node:path";

function usage(message) {
  if (message) console.error(`md2reveal: ${message}`);
  console.error("usage: node md2reveal.mjs DECK.md OUT.html [--reveal DIR] [--autoslide MS]");
  process.exit(2);
}

const args = process.argv.slice(2);
const positional = [];
let revealDir = "reveal.js";
let autoslide = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--reveal") revealDir = args[++i];
  else if (args[i] === "--autoslide") autoslide = Number(args[++i]);
  else if (args[i].startsWith("--")) usage(`unknown option ${args[i]}`);
  else positional.push(args[i]);
}
if (positional.length !== 2 || (autoslide !== null && !(autoslide >= 0))) usage();
const [deckPath, outPath] = positional;

// ---------------------------------------------------------------------------------------------
// Text helpers

const escapeHtml = (s) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Inline Markdown: `code`, ![alt](src), [text](url), **bold**, *italic* / _italic_.
function inline(text) {
  const stash = [];
  const keep = (html) => `\u0000${stash.push(html) - 1}\u0000`;
  let s = text.replace(/`([^`]+)`/g, (_, code) => keep(`<code>${escapeHtml(code)}</code>`));
  s = s.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (_, alt, src) =>
    keep(`<img src="${escapeHtml(copyImage(src))}" alt="${escapeHtml(alt)}">`));
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, url) =>
    keep(`<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`));
  s = escapeHtml(s);
  s = s.replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>");
  s = s.replace(/(^|[^*])\*([^*\s][^*]*?)\*(?!\*)/g, "$1<em>$2</em>");
  s = s.replace(/(^|\W)_([^_\s][^_]*?)_(?=\W|$)/g, "$1<em>$2</em>");
  return s.replace(/\u0000(\d+)\u0000/g, (_, i) => stash[Number(i)]);
}

// Images are copied next to the output file, keeping their path relative to the deck.
function copyImage(src) {
  if (/^[a-z]+:/i.test(src) || path.isAbsolute(src)) return src;
  const from = path.resolve(path.dirname(deckPath), src);
  const to = path.resolve(path.dirname(outPath), src);
  if (fs.existsSync(from)) {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
  }
  return src;
}

// ---------------------------------------------------------------------------------------------
// Deck: front matter, slides, per-slide settings

const source = fs.readFileSync(deckPath, "utf8").replace(/\r\n?/g, "\n");
let lines = source.split("\n");
const settings = { title: "", duration: "10", loop: "true", transition: "fade" };
if (lines[0] === "---") {
  const end = lines.indexOf("---", 1);
  if (end > 0) {
    for (const line of lines.slice(1, end)) {
      const colon = line.indexOf(":");
      if (colon > 0) settings[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
    lines = lines.slice(end + 1);
  }
}

const isFence = (line) => /^\s*(```|~~~)/.test(line);
const slides = [[]];
let inFence = false;
for (const line of lines) {
  if (isFence(line)) inFence = !inFence;
  if (!inFence && /^---\s*$/.test(line)) slides.push([]);
  else slides[slides.length - 1].push(line);
}

function slideSettings(body) {
  const options = {};
  const notes = [];
  const text = body.replace(/<!--([\s\S]*?)-->/g, (_, comment) => {
    const c = comment.trim();
    if (/^notes:/i.test(c)) notes.push(c.replace(/^notes:\s*/i, ""));
    else
      for (const pair of c.split(/[;\n]/)) {
        const colon = pair.indexOf(":");
        if (colon > 0) options[pair.slice(0, colon).trim()] = pair.slice(colon + 1).trim();
      }
    return "";
  });
  return { options, notes, text };
}

// ---------------------------------------------------------------------------------------------
// Blocks

function parseBars(info, body) {
  const options = {};
  for (const m of info.matchAll(/(\w+)=("([^"]*)"|\S+)/g)) options[m[1]] = m[3] ?? m[2];
  const bars = [];
  for (const raw of body) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.lastIndexOf(":");
    if (colon < 0) continue;
    let value = line.slice(colon + 1).trim();
    const highlight = value.endsWith("*");
    if (highlight) value = value.slice(0, -1).trim();
    const m = value.match(/^(-?\d+(?:\.\d+)?)\s*(.*)$/);
    if (!m) continue;
    let unit = m[2] || options.unit || "";
    if (unit === "x") unit = "×";
    bars.push({ label: line.slice(0, colon).trim(), value: Number(m[1]), unit, highlight });
  }
  const max = Number(options.max) || Math.max(...bars.map((b) => b.value), 1);
  const anyHighlight = bars.some((b) => b.highlight);
  const rows = bars.map((b, i) => {
    const width = Math.max(0, Math.min(100, (b.value / max) * 100)).toFixed(2);
    const shown = `${b.value}${b.unit === "%" || b.unit === "×" ? "" : b.unit ? " " : ""}${b.unit}`;
    const cls = b.highlight || !anyHighlight ? "bar accent" : "bar";
    return `<div class="${cls}"><div class="bar-label">${inline(b.label)}</div>` +
      `<div class="bar-track"><div class="bar-fill" style="--w:${width}%;--i:${i}">` +
      `<span class="bar-value">${escapeHtml(shown)}</span></div></div></div>`;
  });
  const title = options.title ? `<div class="bars-title">${escapeHtml(options.title)}</div>` : "";
  return `<div class="bars">${title}${rows.join("")}</div>`;
}

function parseTable(rows) {
  const cells = (row) => row.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
  const head = cells(rows[0]);
  const aligns = cells(rows[1]).map((c) => (c.startsWith(":") && c.endsWith(":") ? "center" : c.endsWith(":") ? "right" : ""));
  const td = (tag, c, i) => `<${tag}${aligns[i] ? ` style="text-align:${aligns[i]}"` : ""}>${inline(c)}</${tag}>`;
  const body = rows.slice(2).map((r) => `<tr>${cells(r).map((c, i) => td("td", c, i)).join("")}</tr>`);
  return `<table><thead><tr>${head.map((c, i) => td("th", c, i)).join("")}</tr></thead>` +
    `<tbody>${body.join("")}</tbody></table>`;
}

// A list and its nested lists, from consecutive item lines (by indentation).
function parseList(items) {
  let html = "";
  const stack = [];  // {indent, tag}
  for (const { indent, ordered, text } of items) {
    while (stack.length && indent < stack[stack.length - 1].indent) html += `</li></${stack.pop().tag}>`;
    const top = stack[stack.length - 1];
    if (!top || indent > top.indent) {
      const tag = ordered ? "ol" : "ul";
      stack.push({ indent, tag });
      html += `<${tag}><li>${inline(text)}`;
    } else {
      html += `</li><li>${inline(text)}`;
    }
  }
  while (stack.length) html += `</li></${stack.pop().tag}>`;
  return html;
}

function blocks(text) {
  const out = [];
  const ls = text.split("\n");
  const listItem = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
  for (let i = 0; i < ls.length; ) {
    const line = ls[i];
    if (!line.trim()) { i++; continue; }
    const fence = line.match(/^\s*(```|~~~)\s*(.*)$/);
    if (fence) {
      const body = [];
      for (i++; i < ls.length && !ls[i].trim().startsWith(fence[1]); i++) body.push(ls[i]);
      i++;
      const info = fence[2].trim();
      if (/^bars(\s|$)/.test(info)) out.push(parseBars(info.slice(4), body));
      else out.push(`<pre><code>${escapeHtml(body.join("\n"))}</code></pre>`);
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.*?)\s*#*\s*$/);
    if (heading) {
      const level = heading[1].length;
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
      i++;
      continue;
    }
    if (line.trim().startsWith("|") && i + 1 < ls.length && /^\s*\|?\s*:?-{2,}/.test(ls[i + 1])) {
      const rows = [];
      while (i < ls.length && ls[i].trim().startsWith("|")) rows.push(ls[i++]);
      out.push(parseTable(rows));
      continue;
    }
    if (listItem.test(line)) {
      const items = [];
      while (i < ls.length) {
        const m = ls[i].match(listItem);
        if (m) items.push({ indent: m[1].length, ordered: /\d/.test(m[2]), text: m[3] });
        else if (ls[i].trim() && /^\s+/.test(ls[i]) && items.length) items[items.length - 1].text += " " + ls[i].trim();
        else break;
        i++;
      }
      out.push(parseList(items));
      continue;
    }
    const para = [];
    while (i < ls.length && ls[i].trim() && !listItem.test(ls[i]) && !/^(#{1,6}\s|\s*(```|~~~))/.test(ls[i]) &&
           !ls[i].trim().startsWith("|")) para.push(ls[i++].trim());
    if (!para.length) para.push(ls[i++].trim());
    out.push(`<p>${inline(para.join(" "))}</p>`);
  }
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// The page

const sections = slides
  .map((lines) => slideSettings(lines.join("\n")))
  .filter((s) => s.text.trim())
  .map(({ options, notes, text }) => {
    const attrs = [];
    if (options.layout === "cover") attrs.push('class="cover"');
    if (autoslide === null && options.duration) attrs.push(`data-autoslide="${Math.round(Number(options.duration) * 1000)}"`);
    if (options.transition) attrs.push(`data-transition="${escapeHtml(options.transition)}"`);
    const aside = notes.length ? `\n<aside class="notes">${escapeHtml(notes.join("\n"))}</aside>` : "";
    return `<section${attrs.length ? " " + attrs.join(" ") : ""}>\n${blocks(text)}${aside}\n</section>`;
  });

const autoSlideMs = autoslide ?? Math.round(Number(settings.duration || 10) * 1000);
const transition = ["fade", "slide", "none"].includes(settings.transition) ? settings.transition : "fade";
const title = settings.title || "deck";

const css = `
html, body, .reveal, .reveal .slides, .reveal .backgrounds { background: #12151C; }
.reveal { font-family: "NanumBarunGothic", "NanumGothic", sans-serif; font-size: 44px; color: #EEEFF2; line-height: 1.38; }
.reveal .slides { text-align: left; }
.reveal .slides section { box-sizing: border-box; width: 1920px; height: 1080px; padding: 65px; }
.reveal .slides section.cover { display: flex !important; flex-direction: column; justify-content: center; text-align: center; }
.reveal h1, .reveal h2, .reveal h3 { font-family: "NanumSquare", "NanumBarunGothic", sans-serif; font-weight: 700; margin: 0 0 0.5em; line-height: 1.25; }
.reveal h1 { font-size: 68px; color: #EEEFF2; }
.reveal section.cover h1 { font-size: 84px; }
.reveal h2 { font-size: 54px; color: #FFC87A; }
.reveal h3 { font-size: 46px; color: #9AA2B1; font-weight: 400; margin-top: 0.6em; }
.reveal section > h1:first-child::after, .reveal section > h2:first-child::after {
  content: ""; display: block; width: 110px; height: 7px; margin-top: 0.35em; background: #F28C38; }
.reveal section.cover > h1:first-child::after { margin-left: auto; margin-right: auto; }
.reveal p { margin: 0 0 0.7em; }
.reveal strong { color: #FFC87A; font-weight: 700; }
.reveal em { font-style: italic; }
.reveal code { font-family: "NanumGothicCoding", "DejaVu Sans Mono", monospace; }
.reveal ul, .reveal ol { margin: 0 0 0.7em 1.1em; padding: 0; }
.reveal li ul, .reveal li ol { margin-bottom: 0; }
.reveal li::marker { color: #F28C38; }
.reveal li li { color: #9AA2B1; font-size: 0.9em; }
.reveal li li::marker { color: #9AA2B1; }
.reveal table { border-collapse: collapse; font-size: 36px; width: 100%; margin-top: 0.4em; }
.reveal th { background: #2C3342; color: #FFC87A; text-align: left; padding: 0.45em 0.6em; }
.reveal td { padding: 0.45em 0.6em; }
.reveal tbody tr:nth-child(even) { background: #1A1E27; }
.reveal img { max-width: 100%; max-height: 70vh; }
.reveal .bars { margin: 0.3em 0 0.6em; }
.reveal .bars-title { font-size: 30px; color: #9AA2B1; margin-bottom: 0.4em; }
.reveal .bar { display: flex; align-items: center; margin: 0 0 0.4em; }
.reveal .bar-label { flex: 0 0 22%; white-space: nowrap; }
.reveal .bar-track { flex: 1 1 auto; height: 1.25em; background: #232833; border-radius: 0.15em; margin-right: 5%; }
.reveal .bar-fill { position: relative; height: 100%; width: 0; background: #5B667A; border-radius: 0.15em;
  transition: width 1.1s cubic-bezier(0.33, 1, 0.68, 1) calc(0.25s + var(--i) * 0.12s); }
.reveal .bar.accent .bar-fill { background: #F28C38; }
.reveal section.present .bar-fill { width: var(--w); }
.reveal .bar-value { position: absolute; left: 100%; padding-left: 0.5em; white-space: nowrap; color: #5B667A; line-height: 1.25em; }
.reveal .bar.accent .bar-value { color: #F28C38; }
.reveal .progress { color: #F28C38; height: 5px; }
.reveal .slide-number, .reveal .slide-number a { text-decoration: none; }
.reveal .slide-number { background: transparent; color: #9AA2B1; font-size: 26px; }
`;

const html = `<!DOCTYPE html>
<!-- Generated by bench/md2reveal.mjs from ${escapeHtml(path.basename(deckPath))}; do not edit. -->
<html lang="ko" translate="no">
<head>
<meta charset="utf-8">
<meta name="google" content="notranslate">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${revealDir}/dist/reset.css">
<link rel="stylesheet" href="${revealDir}/dist/reveal.css">
<style>${css}</style>
</head>
<body>
<div class="reveal"><div class="slides">
${sections.join("\n")}
</div></div>
<script src="${revealDir}/dist/reveal.js"></script>
<script>
Reveal.initialize({
  width: 1920, height: 1080, margin: 0, minScale: 1, maxScale: 1,
  center: false, controls: false, progress: true, slideNumber: "c/t", hash: false,
  transition: "${transition}", backgroundTransition: "none",
  autoSlide: ${autoSlideMs}, autoSlideStoppable: true, loop: ${settings.loop !== "false"}
});
</script>
</body>
</html>
`;

fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
fs.writeFileSync(outPath, html);
console.error(`md2reveal: ${sections.length} slides -> ${outPath}`);
