// The stylesheet and the live-reload script of the preview pages.
#include "app/preview/preview_html.h"

namespace app::preview {

std::string_view preview_css() {
  return R"CSS(
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; background: #e9e6df; color: #222; }
.bar { position: sticky; top: 0; z-index: 1; display: flex; gap: 16px; align-items: center; padding: 8px 16px;
       background: #7f1515; color: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.bar h1 { font-size: 17px; margin: 0; font-weight: 600; }
.bar a { color: #fff; }
.bar .folder { opacity: .8; font-family: monospace; }
.bar .toggle { margin-left: auto; cursor: pointer; }
.live-dot { width: 10px; height: 10px; border-radius: 50%; background: #999; margin-left: auto; }
.toggle + .live-dot { margin-left: 0; }
html[data-live="on"] .live-dot { background: #5fd35f; }
html[data-live="off"] .live-dot { background: #f0a030; }
main { padding: 16px; }
.summary { margin: 0 0 12px; color: #555; }
.docs { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 14px; }
.doc { display: flex; gap: 12px; background: #fff; padding: 10px; border-radius: 4px; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
.doc.failed { outline: 2px solid #c62828; }
.thumb { flex: none; width: 100px; min-height: 120px; display: flex; align-items: flex-start; }
.thumb img { width: 100px; height: auto; border: 1px solid #ccc; }
.placeholder { display: block; width: 100px; height: 141px; border: 1px dashed #aaa; color: #777; font-size: 12px;
               display: flex; align-items: center; justify-content: center; text-align: center; }
.placeholder.bad { border-color: #c62828; color: #c62828; }
.thumb .stale { position: relative; display: block; }
.thumb .stale img { opacity: .45; filter: grayscale(60%); }
.stale-label { position: absolute; left: 0; right: 0; top: 40%; text-align: center; color: #c62828; font-size: 12px;
               font-weight: 600; background: rgba(255,255,255,.85); }
.meta { min-width: 0; }
.name { font-weight: 600; word-break: break-all; }
.title { margin: 2px 0 4px; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 10px; color: #555; font-size: 13px; align-items: baseline; }
.facts .some, .errors-count { color: #b26a00; font-weight: 600; }
.errors-count { color: #c62828; }
.download { font-weight: 600; }
.status { color: #7f1515; font-style: italic; margin: 4px 0; }
pre { white-space: pre-wrap; word-break: break-all; font-size: 12px; margin: 6px 0; }
pre.errors, section.errors pre { color: #b71c1c; }
pre.warnings { color: #8a5a00; }
section.errors { background: #fff; border-left: 6px solid #c62828; padding: 10px 16px; max-width: 1000px; }
section.errors h2 { font-size: 16px; margin: 0 0 6px; color: #c62828; }
.pages { display: flex; flex-direction: column; align-items: center; gap: 18px; margin-top: 12px; }
.page { margin: 0; }
.page img { display: block; max-width: 100%; height: auto; background: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.page figcaption { text-align: center; color: #666; font-size: 12px; margin-top: 4px; }
/* The document page: tools, pages and a side column. */
.tools { position: sticky; top: 38px; z-index: 1; display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center;
         padding: 6px 16px; background: #f6f3ec; border-bottom: 1px solid #d8d2c4; font-size: 13px; }
.tools .group { display: inline-flex; gap: 4px; align-items: center; }
.tools button { font: inherit; padding: 2px 9px; border: 1px solid #b9b1a0; background: #fff; border-radius: 3px; cursor: pointer; }
.tools button[aria-pressed="true"] { background: #7f1515; color: #fff; border-color: #7f1515; }
.tools input[type=number] { width: 4em; font: inherit; }
.tools .hint { margin-left: auto; color: #777; }
.legend { display: inline-flex; gap: 12px; align-items: center; }
.legend.hidden, .hidden { display: none !important; }
.sw { display: inline-block; width: 18px; height: 10px; margin-right: 4px; vertical-align: middle; background: #fff; }
/* The overlay's colours, as the layout draws them. */
.sw.grid { border-bottom: 2px solid rgb(217,217,242); }
.sw.column { border: 2px solid rgb(26,153,230); }
.sw.item { border: 2px solid rgb(230,77,77); }
.sw.missing { border: 2px solid rgb(204,0,0); width: 10px; }
.workspace { display: grid; grid-template-columns: minmax(0, 1fr) 380px; align-items: start; }
.workspace > main { min-width: 0; }
.pages { align-items: safe center; overflow-x: auto; padding-bottom: 8px; }
.pages[data-zoom="fit"] .page { width: 100%; }
.pages[data-zoom="fit"] .page img { width: 100%; }
.page img { cursor: crosshair; }
.pages[data-zoom]:not([data-zoom="fit"]) .page img { max-width: none; }
.sheet { position: relative; }
.mark { position: absolute; pointer-events: none; border: 2px solid #1e6fd9; background: rgba(30,111,217,.14);
        border-radius: 2px; }
.mark.related { border-style: dashed; border-width: 1px; background: rgba(30,111,217,.07); }
.pages.stale img { opacity: .45; filter: grayscale(60%); }
.stale-note { margin: 10px 0 0; padding: 6px 10px; background: #fdecea; border-left: 4px solid #c62828; color: #7f1515; }
.side { position: sticky; top: 80px; max-height: calc(100vh - 84px); overflow: auto; padding: 16px 16px 16px 0; }
.side section { background: #fff; border-radius: 4px; box-shadow: 0 1px 3px rgba(0,0,0,.15); padding: 8px 12px; margin-bottom: 12px; }
.side h2 { font-size: 14px; margin: 0 0 6px; }
.side section.errors { border-left: 6px solid #c62828; max-width: none; }
.messages { list-style: none; margin: 0; padding: 0; }
.messages li { padding: 4px 6px; border-radius: 3px; font-size: 12px; word-break: break-all; }
.messages li[data-line] { cursor: pointer; }
.messages li[data-line]:hover, .messages li.selected { background: #f1ece0; }
.messages li.error .text { color: #b71c1c; }
.messages li.warning .text { color: #8a5a00; }
.messages .excerpt { margin: 2px 0 0; color: #555; font-size: 11px; }
.source-panel .where { font-family: monospace; font-size: 12px; margin: 0 0 6px; word-break: break-all; }
.source-panel .kind { background: #7f1515; color: #fff; border-radius: 3px; padding: 0 5px; margin-left: 6px; font-family: sans-serif; }
.yaml { margin: 0; padding: 0 0 0 3.2em; font: 12px/1.5 monospace; background: #faf8f3; border-radius: 3px; }
.yaml:empty { display: none; }
.yaml li { white-space: pre-wrap; word-break: break-all; cursor: pointer; padding-right: 4px; }
.yaml li::marker { color: #999; }
.yaml li.hit { background: #fff3c4; }
.editor-setting { margin-top: 6px; font-size: 12px; color: #666; }
.editor-setting input { width: 100%; font: 12px monospace; }
@media (max-width: 900px) { .workspace { grid-template-columns: 1fr; } .side { position: static; max-height: none; padding: 0 16px; } }
)CSS";
}

std::string_view preview_js() {
  return R"JS(
// Live reload: ask the server whether anything changed (it answers at once
// when something did, or after a short wait), then fetch the changed parts
// of the page, load their pictures, and swap them in — no manual refresh.
// On a document page also: zoom, page navigation, and click to source.
(() => {
  const body = document.body;
  let version = body.dataset.version;
  const debugBox = document.getElementById('debug');
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const LIVE_IDS = ['live', 'live-side'];
  const afterRefresh = [];

  function fragmentUrl() {
    return body.dataset.fragment + (debugBox && debugBox.checked ? '?debug=1' : '');
  }

  function preload(img) {
    return new Promise((resolve) => {
      const i = new Image();
      i.onload = i.onerror = resolve;
      i.src = img.getAttribute('src');
    });
  }

  async function refresh() {
    const r = await fetch(fragmentUrl(), { cache: 'no-store' });
    const t = document.createElement('template');
    t.innerHTML = await r.text();
    const next = t.content.getElementById('live');
    if (!next) return;
    afterRefresh.forEach((f) => f.before && f.before(next));
    // Pictures first, so the page never flashes empty while they load.
    await Promise.all([...next.querySelectorAll('img')].map(preload));
    const open = new Set([...document.querySelectorAll('#live details[open] summary')].map((s) => s.textContent));
    for (const id of LIVE_IDS) {
      const part = id === 'live' ? next : t.content.getElementById(id);
      const here = document.getElementById(id);
      if (part && here) here.replaceWith(part);
    }
    next.querySelectorAll('details summary').forEach((s) => { if (open.has(s.textContent)) s.parentElement.open = true; });
    version = next.dataset.version;
    afterRefresh.forEach((f) => f.after && f.after());
  }

  async function poll() {
    for (;;) {
      try {
        const r = await fetch('/api/version?since=' + encodeURIComponent(version), { cache: 'no-store' });
        const j = await r.json();
        document.documentElement.dataset.live = 'on';
        if (String(j.version) !== String(version)) await refresh();
        await sleep(document.hidden ? 1000 : 100);
      } catch (e) {
        document.documentElement.dataset.live = 'off';  // server gone: keep trying
        await sleep(1000);
      }
    }
  }

  if (debugBox) {
    debugBox.addEventListener('change', () => {
      const u = new URL(location.href);
      if (debugBox.checked) u.searchParams.set('debug', '1'); else u.searchParams.delete('debug');
      history.replaceState(null, '', u);
      const legend = document.getElementById('legend');
      if (legend) legend.classList.toggle('hidden', !debugBox.checked);
      refresh();
    });
  }
  if (body.dataset.doc !== undefined) documentPage();
  poll();

  function documentPage() {
    const doc = body.dataset.doc;
    const params = new URL(location.href).searchParams;
    const store = { get: (k, d) => { try { return localStorage.getItem(k) || d; } catch (e) { return d; } },
                    set: (k, v) => { try { localStorage.setItem(k, v); } catch (e) { /* private mode */ } } };
    let zoom = params.get('zoom') || store.get('broadsheet.zoom', 'fit');
    let selection = null;  // {file, line, column, page, box}: what the page marks

    const pagesEl = () => document.querySelector('#live .pages');
    const figures = () => [...document.querySelectorAll('#live .page')];

    // Zoom: the picture's CSS size, and pictures drawn at the resolution that
    // size needs. `root` is the page or a fragment about to be swapped in
    // (whose pictures are then loaded before it shows).
    function applyZoom(root = document, swapInPlace = true) {
      document.querySelectorAll('button[data-zoom]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.zoom === zoom)));
      const pages = root.querySelector('.pages');
      if (!pages) return;
      pages.dataset.zoom = zoom;
      const shown = pagesEl();
      const fitWidth = (shown && shown.clientWidth) || 800;
      for (const fig of pages.querySelectorAll('.page')) {
        const img = fig.querySelector('img');
        const widthPt = parseFloat(fig.dataset.width);
        if (!img || !widthPt) continue;
        const cssWidth = zoom === 'fit' ? fitWidth : widthPt / 72 * 96 * parseFloat(zoom);
        img.style.width = zoom === 'fit' ? '' : cssWidth + 'px';
        const wanted = cssWidth / (widthPt / 72) * (window.devicePixelRatio || 1);
        const ppi = Math.min(384, Math.max(24, Math.ceil(wanted / 24) * 24));
        const base = img.getAttribute('src').split('?')[0];
        const src = ppi === 96 ? base : base + '?ppi=' + ppi;
        if (img.getAttribute('src') === src) continue;
        if (!swapInPlace) { img.setAttribute('src', src); continue; }
        const next = new Image();
        next.onload = () => { img.src = src; };
        next.src = src;
      }
    }
    document.querySelectorAll('button[data-zoom]').forEach((b) => b.addEventListener('click', () => {
      const current = currentPage();
      zoom = b.dataset.zoom;
      store.set('broadsheet.zoom', zoom);
      applyZoom();
      goToPage(current, false);
      markSelection(false);
    }));
    let resizeTimer = 0;
    window.addEventListener('resize', () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(applyZoom, 200); });

    // Page navigation.
    const pageNo = document.getElementById('page-no');
    function pageCount() { return figures().length; }
    function currentPage() {
      const mid = window.innerHeight / 3;
      let best = 1;
      for (const fig of figures()) if (fig.getBoundingClientRect().top <= mid) best = Number(fig.dataset.page);
      return best;
    }
    function goToPage(n, smooth = true) {
      const count = pageCount();
      if (!count) return;
      n = Math.min(count, Math.max(1, n));
      const fig = document.getElementById('page-' + n);
      if (fig) fig.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
      pageNo.value = n;
    }
    function updateNav() {
      const count = pageCount();
      pageNo.max = Math.max(1, count);
      document.getElementById('page-count').textContent = 'of ' + count;
      pageNo.value = Math.min(currentPage(), Math.max(1, count));
    }
    document.getElementById('prev-page').addEventListener('click', () => goToPage(currentPage() - 1));
    document.getElementById('next-page').addEventListener('click', () => goToPage(currentPage() + 1));
    pageNo.addEventListener('change', () => goToPage(Number(pageNo.value)));
    window.addEventListener('scroll', () => { if (document.activeElement !== pageNo) pageNo.value = currentPage(); },
                            { passive: true });
    document.addEventListener('keydown', (e) => {
      if (e.target.closest && e.target.closest('input, textarea')) return;
      if (e.key === 'n' || e.key === 'PageDown' && e.altKey) goToPage(currentPage() + 1);
      else if (e.key === 'p') goToPage(currentPage() - 1);
      else if (e.key === 'Enter' && e.target.dataset && e.target.dataset.line) e.target.click();
    });

    // Click to source, and the reverse: the boxes a YAML line is drawn in.
    const editorInput = document.getElementById('editor-url');
    editorInput.value = store.get('broadsheet.editor', body.dataset.editor || '');
    editorInput.addEventListener('change', () => { store.set('broadsheet.editor', editorInput.value.trim()); });
    function editorUrl(where) {
      const t = editorInput.value.trim();
      if (!t || !where.path) return '';
      // "vscode://file/{file}" with "/home/x.yaml" is vscode://file/home/x.yaml, not file//home.
      const path = encodeURI(where.path);
      return t.replaceAll('/{file}', '/' + path.replace(/^\/+/, '')).replaceAll('{file}', path)
              .replaceAll('{line}', where.line)
              .replaceAll('{column}', Math.max(1, where.column || 1));
    }

    function showSource(where, opened) {
      const whereEl = document.getElementById('source-where');
      const pos = where.file + ':' + where.line + (where.column ? ':' + where.column : '');
      whereEl.textContent = pos;
      if (where.kind) {
        const k = document.createElement('span');
        k.className = 'kind';
        k.textContent = where.kind;
        whereEl.append(k);
      }
      if (where.stale) whereEl.append(' (last good render)');
      const list = document.getElementById('source-lines');
      list.replaceChildren();
      if (where.context) {
        list.start = where.context.first;
        where.context.lines.forEach((text, i) => {
          const li = document.createElement('li');
          const n = where.context.first + i;
          li.textContent = text;
          li.dataset.line = n;
          if (n === where.line) li.className = 'hit';
          li.addEventListener('click', () => select({ file: where.file, line: n, column: 0 }, 'smooth'));
          list.append(li);
        });
      }
      const link = document.getElementById('open-editor');
      const url = editorUrl(where);
      link.classList.toggle('hidden', !url);
      link.href = url || '#';
      if (url && opened) link.click();
    }

    function clearMarks() { document.querySelectorAll('#live .mark').forEach((m) => m.remove()); }
    function addMark(pageN, box, cls) {
      const fig = document.getElementById('page-' + pageN);
      if (!fig || !fig.dataset.width) return null;
      const w = parseFloat(fig.dataset.width), h = parseFloat(fig.dataset.height), m = parseFloat(fig.dataset.margin);
      const mark = document.createElement('div');
      mark.className = 'mark' + (cls ? ' ' + cls : '');
      mark.style.left = ((box.x + m) / w * 100) + '%';
      mark.style.top = ((box.y + m) / h * 100) + '%';
      mark.style.width = (box.width / w * 100) + '%';
      mark.style.height = (box.height / h * 100) + '%';
      fig.querySelector('.sheet').append(mark);
      return mark;
    }

    async function boxesOf(sel) {
      const q = new URLSearchParams({ doc, line: sel.line });
      if (sel.file) q.set('file', sel.file);
      if (sel.column) q.set('column', sel.column);
      const r = await fetch('/api/boxes?' + q, { cache: 'no-store' });
      return r.ok ? r.json() : null;
    }

    // Marks every box of the selected line (the clicked item strongest).
    async function markSelection(scroll) {
      clearMarks();
      if (!selection) return;
      const found = await boxesOf(selection);
      clearMarks();
      if (!found) return;
      let first = null;
      if (selection.box) addMark(selection.page, selection.box, '');
      for (const b of found.boxes) {
        const same = selection.box && b.page === selection.page && Math.abs(b.x - selection.box.x) < 0.01 &&
                     Math.abs(b.y - selection.box.y) < 0.01;
        const mark = same ? null : addMark(b.page, b, selection.box ? 'related' : '');
        first = first || mark;
      }
      // Scrolled to only when out of sight (under the bars counts as out of sight).
      const seen = first && first.getBoundingClientRect();
      if (scroll && seen && (seen.top < 90 || seen.bottom > window.innerHeight)) {
        first.scrollIntoView({ behavior: scroll, block: 'center' });
      }
      return found;
    }

    async function select(sel, scroll) {
      selection = sel;
      document.querySelectorAll('.messages li.selected').forEach((li) => li.classList.remove('selected'));
      const found = await markSelection(scroll);
      if (found) showSource(Object.assign({}, found, { kind: sel.kind, column: sel.column || found.column }), false);
      const u = new URL(location.href);
      u.searchParams.set('line', sel.line);
      history.replaceState(null, '', u);
    }

    document.addEventListener('click', async (e) => {
      const img = e.target.closest && e.target.closest('#live .sheet img');
      if (img) {
        const fig = img.closest('.page');
        const rect = img.getBoundingClientRect();
        const w = parseFloat(fig.dataset.width), h = parseFloat(fig.dataset.height), m = parseFloat(fig.dataset.margin);
        const x = (e.clientX - rect.left) / rect.width * w - m, y = (e.clientY - rect.top) / rect.height * h - m;
        const q = new URLSearchParams({ doc, page: fig.dataset.page, x: x.toFixed(2), y: y.toFixed(2) });
        const r = await fetch('/api/locate?' + q, { cache: 'no-store' });
        const j = await r.json();
        if (!r.ok) {
          document.getElementById('source-where').textContent = j.error || 'nothing here';
          document.getElementById('source-lines').replaceChildren();
          selection = null;
          clearMarks();
          return;
        }
        selection = { file: j.file, line: j.line, column: 0, page: j.page, box: j.box, kind: j.kind };
        markSelection(false);
        showSource(j, true);
        const u = new URL(location.href);
        u.searchParams.set('line', j.line);
        history.replaceState(null, '', u);
        return;
      }
      const item = e.target.closest && e.target.closest('.messages li[data-line]');
      if (item) {
        await select({ file: item.dataset.file, line: Number(item.dataset.line), column: Number(item.dataset.column) }, 'smooth');
        item.classList.add('selected');
      }
    });

    afterRefresh.push({
      before: (next) => applyZoom(next, false),
      after: () => { updateNav(); markSelection(false); },
    });
    applyZoom();
    updateNav();
    if (params.get('line')) select({ line: Number(params.get('line')), column: 0, file: params.get('file') || '' }, 'auto');
  }
})();
)JS";
}

}  // namespace app::preview
