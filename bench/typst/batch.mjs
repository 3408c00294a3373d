// Typst's batch: many county sheets compiled in ONE Node process with ONE
// compiler, so bench/run can set it beside `broadsheet batch` (fonts loaded
// once, the template's work memoized across sheets by Typst's own caches).
// The compiler is created once, then each sheet is compiled with
// sys.inputs.doc pointing at it and exported to its own PDF, one after the
// other. Typst may use threads of its own inside a compile; the CPU time
// bench/run reports shows it.
//
//   node batch.mjs DIR OUTDIR [--evict N]
//     DIR     a folder of sheets (*.yaml, e.g. from scripts/make-sheets.py),
//             also the compiler's root: photos/ beside the sheets is read from it
//     OUTDIR  gets NAME.pdf for every DIR/NAME.yaml (created if missing)
//     --evict N  after each sheet, evict Typst's memo cache entries older than
//             N compiles (default 10, what typst-ts suggests for non-watch
//             tools; keeps memory bounded over a long batch; -1: never)
//
// Prints one JSON line: {"sheets":…, "pages":…, "create_ms":…, "compile_ms":…,
// "pdf_ms":…, "write_ms":…, "total_ms":…, "typst":"0.14.2"} (times summed over
// the sheets). Exits 1 at the first sheet that fails.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const args = process.argv.slice(2);
let evict = 10;
const i = args.indexOf('--evict');
if (i >= 0) { evict = Number(args[i + 1]); args.splice(i, 2); }
const [dir, outdir] = args;
if (!dir || !outdir || !Number.isInteger(evict)) {
  console.error('usage: node batch.mjs DIR OUTDIR [--evict N]');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const template = readFileSync(path.join(here, 'sheet.typ'), 'utf8');

const t0 = performance.now();
// The sheets in byte order of their names, as `broadsheet batch` takes them.
const sheets = readdirSync(dir).filter((n) => n.endsWith('.yaml') && !n.startsWith('.'))
  .sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
mkdirSync(outdir, { recursive: true });
// Only the system's TrueType folder: the Debian CJK fonts live there, and
// scanning nothing else keeps the font search comparable to fontconfig's.
const compiler = NodeCompiler.create({
  workspace: path.resolve(dir),
  fontArgs: [{ fontPaths: ['/usr/share/fonts/truetype'] }],
});
const t1 = performance.now();

let compileMs = 0, pdfMs = 0, writeMs = 0, pages = 0, typst = '?';
for (const name of sheets) {
  const a = performance.now();
  const result = compiler.compile({ mainFileContent: template, inputs: { doc: '/' + name } });
  if (result.hasError()) {
    console.error(`${name}:`);
    result.printErrors();
    process.exit(1);
  }
  const document = result.result;
  const b = performance.now();
  const pdf = compiler.pdf(document);
  const c = performance.now();
  writeFileSync(path.join(outdir, name.replace(/\.yaml$/, '.pdf')), pdf);
  const d = performance.now();
  compileMs += b - a; pdfMs += c - b; writeMs += d - c;
  pages += document.numOfPages;
  if (typst === '?') {
    typst = String(compiler.query(document, { selector: '<typst-version>', field: 'value' })?.[0] ?? '?');
  }
  if (evict >= 0) compiler.evictCache(evict);
}
const t2 = performance.now();
console.log(JSON.stringify({
  sheets: sheets.length,
  pages,
  create_ms: +(t1 - t0).toFixed(1),
  compile_ms: +compileMs.toFixed(1),
  pdf_ms: +pdfMs.toFixed(1),
  write_ms: +writeMs.toFixed(1),
  total_ms: +(t2 - t0).toFixed(1),
  evict,
  typst,
}));
