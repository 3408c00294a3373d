// The stylesheet and the live-reload script of the preview pages.
#include "app/preview_html.h"

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
)CSS";
}

std::string_view preview_js() {
  return R"JS(
// Live reload: ask the server whether anything changed (it answers at once
// when something did, or after a short wait), then fetch the changed part
// of the page, load its pictures, and swap it in — no manual refresh.
(() => {
  const body = document.body;
  let version = body.dataset.version;
  const debugBox = document.getElementById('debug');
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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
    // Pictures first, so the page never flashes empty while they load.
    await Promise.all([...next.querySelectorAll('img')].map(preload));
    const open = new Set([...document.querySelectorAll('#live details[open] summary')].map((s) => s.textContent));
    document.getElementById('live').replaceWith(next);
    next.querySelectorAll('details summary').forEach((s) => { if (open.has(s.textContent)) s.parentElement.open = true; });
    version = next.dataset.version;
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
      refresh();
    });
  }
  poll();
})();
)JS";
}

}  // namespace app::preview
