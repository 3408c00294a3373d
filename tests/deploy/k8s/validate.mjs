// Validates a Kubernetes example folder (deploy/k8s) offline, as a cluster
// would before running it:
//  - every object against the Kubernetes API schema (kubernetes-models:
//    types, required fields, allowed values);
//  - every key against the API's field names, so a misspelt key is an error
//    rather than silently ignored (kubectl's strict field validation);
//  - every reference: each kustomization's resources, patch targets and
//    patch paths, image names; the namespace, claim, volumes, config maps,
//    secrets and service accounts a pod uses; the $(VARS) in container
//    arguments; the shard count of an Indexed Job against its completions;
//    and that every container runs IMAGE, the image `make image` builds;
//  - every overlay's result (patches applied) again against the schema.
//
//   node validate.mjs DIR IMAGE        exit 0: valid; 1: errors (printed)
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import YAML from "yaml";

const require = createRequire(import.meta.url);
const [dir, image] = process.argv.slice(2);
if (!dir || !image) {
  console.error("usage: node validate.mjs DIR IMAGE");
  process.exit(2);
}
// A set: a base's problem is met again through every overlay of it.
const errors = new Set();
const error = (where, message) => errors.add(`${where}: error: ${message}`);
const rel = (file) => path.relative(process.cwd(), file) || ".";

// ---- Loading ------------------------------------------------------------

function loadYaml(file) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"), { prettyErrors: true });
  const values = [];
  for (const doc of docs) {
    for (const e of doc.errors) error(rel(file), `YAML: ${e.message}`);
    const v = doc.toJS();
    if (v !== null && v !== undefined) values.push(v);
  }
  return values;
}

// A kustomization and, recursively, the objects its resources hold (patches
// applied). `visited` collects every file read.
function loadKustomization(kdir, visited) {
  const file = path.join(kdir, "kustomization.yaml");
  visited.add(path.resolve(file));
  const [k] = loadYaml(file);
  if (!k) return [];
  const where = rel(file);
  if (k.apiVersion !== "kustomize.config.k8s.io/v1beta1" || k.kind !== "Kustomization")
    error(where, "apiVersion/kind must be kustomize.config.k8s.io/v1beta1 Kustomization");
  const known = new Set(["apiVersion", "kind", "resources", "patches", "images", "namespace", "labels", "commonLabels"]);
  for (const key of Object.keys(k)) if (!known.has(key)) error(where, `unknown or unchecked key '${key}'`);
  let objects = [];
  for (const r of k.resources ?? []) {
    const p = path.resolve(kdir, r);
    if (!fs.existsSync(p)) {
      error(where, `resource '${r}' does not exist`);
    } else if (fs.statSync(p).isDirectory()) {
      if (!fs.existsSync(path.join(p, "kustomization.yaml"))) error(where, `resource folder '${r}' has no kustomization.yaml`);
      else objects = objects.concat(loadKustomization(p, visited));
    } else {
      visited.add(p);
      objects = objects.concat(loadYaml(p).map((o) => ({ ...o, [SOURCE]: rel(p) })));
    }
  }
  for (const [i, patch] of (k.patches ?? []).entries()) {
    const t = patch.target ?? {};
    const targets = objects.filter((o) => o.kind === t.kind && o.metadata?.name === t.name);
    if (targets.length !== 1) {
      error(where, `patches[${i}] targets ${t.kind}/${t.name}, which the resources define ${targets.length} times`);
      continue;
    }
    for (const op of YAML.parse(patch.patch ?? "[]")) applyJsonPatch(targets[0], op, where, `patches[${i}]`);
  }
  for (const img of k.images ?? []) {
    const used = objects.flatMap(containersOf).map((c) => c.image ?? "");
    if (!used.some((u) => u.split(":")[0] === img.name)) error(where, `images: '${img.name}' is no container's image`);
    const [repo, tag] = image.split(":");
    if (img.name === repo && img.newTag !== undefined && img.newTag !== tag)
      error(where, `images: newTag '${img.newTag}' is not the tag \`make image\` builds ('${tag}')`);
  }
  if (k.namespace) for (const o of objects) if (o.kind !== "Namespace") o.metadata = { ...o.metadata, namespace: k.namespace };
  return objects;
}

// JSON Patch (RFC 6902) replace/add/remove, enough for kustomize patches; a
// path that does not exist in the target is an error.
function applyJsonPatch(object, op, where, label) {
  const keys = op.path.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const last = keys.pop();
  let parent = object;
  for (const key of keys) {
    if (parent === null || typeof parent !== "object" || !(key in parent)) {
      error(where, `${label}: path '${op.path}' does not exist in ${object.kind}/${object.metadata?.name}`);
      return;
    }
    parent = parent[key];
  }
  if (op.op === "add") {
    Array.isArray(parent) && last === "-" ? parent.push(op.value) : (parent[last] = op.value);
  } else if (op.op === "replace" || op.op === "remove") {
    if (!(last in parent)) error(where, `${label}: path '${op.path}' does not exist in ${object.kind}/${object.metadata?.name}`);
    else if (op.op === "replace") parent[last] = op.value;
    else Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
  } else {
    error(where, `${label}: patch op '${op.op}' is not checked by this validator`);
  }
}

const SOURCE = Symbol("source file");

// ---- Schema: kubernetes-models ------------------------------------------

function modelPath(o) {
  const version = String(o.apiVersion ?? "");
  return `kubernetes-models/${version}/${o.kind}`;
}

function validateSchema(o, where) {
  let Model;
  try {
    Model = require(modelPath(o))[o.kind];
  } catch {
    error(where, `unknown apiVersion/kind '${o.apiVersion} ${o.kind}'`);
    return;
  }
  const { [SOURCE]: _source, ...plain } = o;
  try {
    new Model(plain).validate();
  } catch (e) {
    error(where, `${o.kind}/${o.metadata?.name}: ${e.message}`);
  }
  checkFields(plain, dtsFile(modelPath(o)), where, o.kind);
}

// ---- Field names: the models' TypeScript declarations ---------------------

const interfaces = new Map();  // .d.ts file -> { fields: Map(name -> type), imports: Map(type -> file) } | null

function dtsFile(spec, fromFile) {
  const base = spec.startsWith(".") ? path.resolve(path.dirname(fromFile), spec) : require.resolve(spec).replace(/\.m?js$/, "");
  return base.replace(/\.m?js$/, "").replace(/\.d\.ts$/, "") + ".d.ts";
}

function readInterface(file) {
  if (interfaces.has(file)) return interfaces.get(file);
  let result = null;
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, "utf8");
    const imports = new Map();
    for (const m of text.matchAll(/import \{([^}]*)\} from "([^"]+)"/g))
      for (const name of m[1].split(",").map((s) => s.trim()).filter(Boolean)) imports.set(name, m[2]);
    const body = text.match(/export interface \w+(?: extends [\w, ]+)? \{([\s\S]*?)\n\}/);
    if (body) {
      const fields = new Map();
      // Comments out, whitespace folded: a map type spans lines ("labels"?: { [key: string]: string; }).
      const flat = body[1].replace(/\/\*[\s\S]*?\*\//g, "").replace(/\s+/g, " ");
      for (const m of flat.matchAll(/"([^"]+)"\??: ((?:\{[^}]*\}|[^;{])+);/g)) fields.set(m[1], m[2].trim());
      result = { fields, imports, file };
    }
  }
  interfaces.set(file, result);
  return result;
}

// Walks `value` along the declared type `type` (as written in `iface`'s file).
function checkType(value, type, iface, at, where) {
  if (value === null || typeof value !== "object") return;
  let m;
  if ((m = type.match(/^Array<(.+)>$/))) {
    if (Array.isArray(value)) value.forEach((v, i) => checkType(v, m[1], iface, `${at}[${i}]`, where));
  } else if ((m = type.match(/^\{\s*\[key: string\]: (.+?);?\s*\}$/))) {
    for (const [k, v] of Object.entries(value)) checkType(v, m[1], iface, `${at}.${k}`, where);
  } else if (iface.imports.has(type)) {
    checkFields(value, dtsFile(iface.imports.get(type), iface.file), where, at);
  }
}

function checkFields(value, file, where, at) {
  const iface = readInterface(file);
  if (!iface || value === null || typeof value !== "object" || Array.isArray(value)) return;
  for (const [key, v] of Object.entries(value)) {
    if (!iface.fields.has(key)) {
      const near = [...iface.fields.keys()].filter((f) => f.toLowerCase() === key.toLowerCase() || editDistance(f, key) <= 2);
      error(where, `${at}: unknown field '${key}'${near.length ? ` (did you mean '${near[0]}'?)` : ""}`);
    } else {
      checkType(v, iface.fields.get(key), iface, `${at}.${key}`, where);
    }
  }
}

function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

// ---- References -----------------------------------------------------------

function podSpecOf(o) {
  if (o.kind === "Pod") return o.spec;
  if (["Job", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"].includes(o.kind)) return o.spec?.template?.spec;
  if (o.kind === "CronJob") return o.spec?.jobTemplate?.spec?.template?.spec;
  return undefined;
}

function containersOf(o) {
  const spec = podSpecOf(o);
  return spec ? [...(spec.initContainers ?? []), ...(spec.containers ?? [])] : [];
}

function checkReferences(objects) {
  const defined = new Set(objects.map((o) => `${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name}`));
  const names = new Set();
  for (const o of objects) {
    const id = `${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name}`;
    if (names.has(id)) error(o[SOURCE], `${o.kind} '${o.metadata?.name}' is defined twice`);
    names.add(id);
  }
  const need = (o, kind, name, what) => {
    const ns = o.metadata?.namespace ?? "";
    if (!defined.has(`${kind}/${ns}/${name}`))
      error(o[SOURCE], `${o.kind}/${o.metadata?.name}: ${what} ${kind} '${name}' is not defined${ns ? ` in namespace '${ns}'` : ""}`);
  };
  for (const o of objects) {
    const where = o[SOURCE];
    if (o.kind !== "Namespace") {
      if (!o.metadata?.namespace) error(where, `${o.kind}/${o.metadata?.name}: no namespace`);
      else if (!defined.has(`Namespace//${o.metadata.namespace}`))
        error(where, `${o.kind}/${o.metadata?.name}: namespace '${o.metadata.namespace}' is not defined`);
    }
    const spec = podSpecOf(o);
    if (!spec) continue;
    const volumes = new Set((spec.volumes ?? []).map((v) => v.name));
    for (const v of spec.volumes ?? []) {
      if (v.persistentVolumeClaim) need(o, "PersistentVolumeClaim", v.persistentVolumeClaim.claimName, `volume '${v.name}' claims`);
      if (v.configMap) need(o, "ConfigMap", v.configMap.name, `volume '${v.name}' uses`);
      if (v.secret) need(o, "Secret", v.secret.secretName, `volume '${v.name}' uses`);
    }
    if (spec.serviceAccountName && spec.serviceAccountName !== "default")
      need(o, "ServiceAccount", spec.serviceAccountName, "the pod runs as");
    const indexed = o.kind === "Job" && o.spec?.completionMode === "Indexed";
    const containerNames = new Set(containersOf(o).map((c) => c.name));
    for (const rule of o.spec?.podFailurePolicy?.rules ?? []) {
      const c = rule.onExitCodes?.containerName;
      if (c && !containerNames.has(c)) error(where, `${o.kind}/${o.metadata?.name}: podFailurePolicy names container '${c}', which is not defined`);
    }
    for (const c of containersOf(o)) {
      const at = `${o.kind}/${o.metadata?.name} container '${c.name}'`;
      if (c.image !== image) error(where, `${at}: image '${c.image}' is not the one \`make image\` builds ('${image}')`);
      for (const m of c.volumeMounts ?? [])
        if (!volumes.has(m.name)) error(where, `${at}: mounts volume '${m.name}', which the pod does not define`);
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.configMapKeyRef ?? e.valueFrom?.secretKeyRef;
        if (e.valueFrom?.configMapKeyRef) need(o, "ConfigMap", ref.name, `env ${e.name} reads`);
        if (e.valueFrom?.secretKeyRef) need(o, "Secret", ref.name, `env ${e.name} reads`);
      }
      const env = new Map((c.env ?? []).map((e) => [e.name, e.value]));
      if (indexed) env.set("JOB_COMPLETION_INDEX", "$(JOB_COMPLETION_INDEX)");
      const words = [...(c.command ?? []), ...(c.args ?? [])];
      for (const w of words)
        for (const m of String(w).matchAll(/(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g))
          if (!env.has(m[1])) error(where, `${at}: $(${m[1]}) is not an environment variable of the container`);
      const shard = words.indexOf("--shard");
      if (shard >= 0) {
        const value = String(words[shard + 1] ?? "").replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (all, v) => env.get(v) ?? all);
        const m = value.match(/^\$\(JOB_COMPLETION_INDEX\)\/(\d+)$/);
        if (!indexed) error(where, `${at}: --shard outside an Indexed Job`);
        else if (!m) error(where, `${at}: --shard is '${value}', not $(JOB_COMPLETION_INDEX)/N`);
        else if (Number(m[1]) !== o.spec.completions)
          error(where, `${at}: --shard …/${m[1]} but the Job has ${o.spec.completions} completions: some shards would never run`);
      }
    }
  }
}

// ---- Main -------------------------------------------------------------------

const kustomizations = fs
  .readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "kustomization.yaml")))
  .map((e) => path.join(dir, e.name));
if (kustomizations.length === 0) error(rel(dir), "no folder with a kustomization.yaml");

const visited = new Set();
let checked = 0;
for (const k of kustomizations) {
  const objects = loadKustomization(k, visited);
  for (const o of objects) validateSchema(o, o[SOURCE]);
  checkReferences(objects);
  checked += objects.length;
}
// Every manifest belongs to some kustomization: none is left out of a deployment.
for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
  const file = path.resolve(e.parentPath ?? e.path, e.name);
  if (e.isFile() && /\.ya?ml$/.test(e.name) && !visited.has(file))
    error(rel(file), "no kustomization.yaml lists this file");
}

for (const e of errors) console.error(e);
if (errors.size) {
  console.error(`k8s: ${errors.size} error(s)`);
  process.exit(1);
}
console.log(`k8s: ${kustomizations.length} kustomizations, ${checked} objects valid (schema, field names, references, image ${image})`);
