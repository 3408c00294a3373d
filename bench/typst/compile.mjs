// One Typst compile per process, so bench/run can time it as a whole process
// like broadsheet and WeasyPrint. Also prints the time spent inside the
// process (compiler creation incl. font scan, and compile + PDF export), so
// the report can show how much of the total is Node start-up.
//
//   node compile.mjs ROOT DOC OUT.pdf
//     ROOT  the compiler's root folder (the repository); DOC is read from it
//     DOC   the YAML path as seen from ROOT, e.g. /samples/seed-page.yaml
//
// Prints one JSON line: {"create_ms":…, "compile_ms":…, "pdf_ms":…, "pages":…, "typst":"0.14.2"}
import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const [root, doc, out] = process.argv.slice(2);
if (!root || !doc || !out) {
  console.error('usage: node compile.mjs ROOT DOC OUT.pdf');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const template = readFileSync(path.join(here, 'page.typ'), 'utf8');

const t0 = performance.now();
// Only the system's TrueType folder: the Debian CJK fonts live there, and
// scanning nothing else keeps the font search comparable to fontconfig's.
const compiler = NodeCompiler.create({
  workspace: path.resolve(root),
  fontArgs: [{ fontPaths: ['/usr/share/fonts/truetype'] }],
  inputs: { doc },
});
const t1 = performance.now();
const result = compiler.compile({ mainFileContent: template });
if (result.hasError()) {
  result.printErrors();
  process.exit(1);
}
const document = result.result;
const t2 = performance.now();
const pdf = compiler.pdf(document);
const t3 = performance.now();
writeFileSync(out, pdf);
const typst = compiler.query(document, { selector: '<typst-version>', field: 'value' });
console.log(JSON.stringify({
  create_ms: +(t1 - t0).toFixed(1),
  compile_ms: +(t2 - t1).toFixed(1),
  pdf_ms: +(t3 - t2).toFixed(1),
  pages: document.numOfPages,
  typst: String(typst?.[0] ?? '?'),
}));
