// bench/wasm-sizes.mjs WASM [--top N] [--group] [--match TEXT]: what takes the bytes of a wasm,
// by function. Reads the code section (each function body's size) and the name section (the
// function's name, as wasm-ld demangled it), so it needs a wasm with names kept: the build's
// wasm before wasm-opt, or wasm-opt run with `-g` (issue 13 goal 5; BENCHMARKS.md "The web
// app's size"). No dependencies: `twiggy top` gives the same per-function figures.
//
// Prints the largest functions (--top, default 40), the code grouped by the crate or module a
// name starts with (--group), or only the functions whose name contains TEXT (--match), and the
// sizes of the code and data sections.
import { readFileSync } from 'node:fs';

/** Reads an unsigned LEB128 number at `pos`; returns [value, next position]. */
function leb(bytes, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, pos];
    shift += 7;
  }
}

/** The sections of a wasm module: { id, name (custom sections), start, end }. */
function sections(bytes) {
  const out = [];
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos++];
    let size;
    [size, pos] = leb(bytes, pos);
    const end = pos + size;
    let name = null;
    let start = pos;
    if (id === 0) {
      let len;
      [len, start] = leb(bytes, pos);
      name = new TextDecoder().decode(bytes.subarray(start, start + len));
      start += len;
    }
    out.push({ id, name, start, end });
    pos = end;
  }
  return out;
}

/** The number of imported functions (they come first in the function index space). */
function importedFunctions(bytes, section) {
  let pos = section.start;
  let count;
  [count, pos] = leb(bytes, pos);
  let functions = 0;
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < 2; j++) {
      let len;
      [len, pos] = leb(bytes, pos);
      pos += len;
    }
    const kind = bytes[pos++];
    if (kind === 0) {
      [, pos] = leb(bytes, pos);
      functions++;
    } else if (kind === 1) {
      pos += 1;
      const flags = bytes[pos++];
      [, pos] = leb(bytes, pos);
      if (flags & 1) [, pos] = leb(bytes, pos);
    } else if (kind === 2) {
      const flags = bytes[pos++];
      [, pos] = leb(bytes, pos);
      if (flags & 1) [, pos] = leb(bytes, pos);
    } else if (kind === 3) {
      pos += 2;
    } else {
      [, pos] = leb(bytes, pos);
    }
  }
  return functions;
}

/** Function index -> name, from the name section's function subsection. */
function functionNames(bytes, section) {
  const names = new Map();
  let pos = section.start;
  while (pos < section.end) {
    const sub = bytes[pos++];
    let size;
    [size, pos] = leb(bytes, pos);
    const end = pos + size;
    if (sub === 1) {
      let count;
      [count, pos] = leb(bytes, pos);
      for (let i = 0; i < count; i++) {
        let index;
        let len;
        [index, pos] = leb(bytes, pos);
        [len, pos] = leb(bytes, pos);
        // Without the crates' disambiguating hashes (`core[6ea1fe0cb44a73e7]::iter`).
        const name = new TextDecoder().decode(bytes.subarray(pos, pos + len));
        names.set(index, name.replace(/\[[0-9a-f]{6,}\]/g, ''));
        pos += len;
      }
    }
    pos = end;
  }
  return names;
}

/** The group of a demangled name: its crate, or its crate and module for ours and Yew's. */
function group(name) {
  const path = name.replace(/^<+/, '').replace(/^&(mut )?/, '');
  const parts = path.split('::');
  if (parts.length < 2) return '(no path)';
  if (/^tilbudsfinder_web$/.test(parts[0]) && parts.length > 2) return parts.slice(0, 2).join('::');
  if (parts[0] === 'core' || parts[0] === 'alloc') return parts.slice(0, 2).join('::');
  return parts[0];
}

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !/^--/.test(args[i - 1] ?? ''));
if (!file) {
  console.error('usage: node bench/wasm-sizes.mjs WASM [--top N] [--group] [--match TEXT]');
  process.exit(2);
}
const option = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const bytes = readFileSync(file);
const all = sections(bytes);
const importSection = all.find((s) => s.id === 2);
const codeSection = all.find((s) => s.id === 10);
const dataSection = all.find((s) => s.id === 11);
const nameSection = all.find((s) => s.id === 0 && s.name === 'name');
if (!nameSection) console.error('wasm-sizes: no name section; functions are shown by index');
const imported = importSection ? importedFunctions(bytes, importSection) : 0;
const names = nameSection ? functionNames(bytes, nameSection) : new Map();

const functions = [];
let pos = codeSection.start;
let count;
[count, pos] = leb(bytes, pos);
for (let i = 0; i < count; i++) {
  let size;
  [size, pos] = leb(bytes, pos);
  const index = imported + i;
  functions.push({ name: names.get(index) ?? `func[${index}]`, size });
  pos += size;
}
const code = functions.reduce((sum, f) => sum + f.size, 0);
console.log(`code ${code} B in ${functions.length} functions; data section ${dataSection ? dataSection.end - dataSection.start : 0} B; file ${bytes.length} B`);

const match = option('--match');
const shown = match ? functions.filter((f) => f.name.includes(match)) : functions;
if (match) {
  const sum = shown.reduce((s, f) => s + f.size, 0);
  console.log(`matching "${match}": ${sum} B in ${shown.length} functions`);
}
if (args.includes('--group')) {
  const groups = new Map();
  for (const f of shown) {
    const g = group(f.name);
    const entry = groups.get(g) ?? { size: 0, count: 0 };
    entry.size += f.size;
    entry.count += 1;
    groups.set(g, entry);
  }
  for (const [g, { size, count: n }] of [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, Number(option('--top') ?? 40))) {
    console.log(`${String(size).padStart(8)} ${String(n).padStart(5)}  ${g}`);
  }
} else {
  for (const f of [...shown].sort((a, b) => b.size - a.size).slice(0, Number(option('--top') ?? 40))) {
    console.log(`${String(f.size).padStart(8)}  ${f.name.slice(0, 200)}`);
  }
}
