#!/usr/bin/env node
// Why: the KQL idtriage emits (idtriage rules --kql) must parse and bind with
// no diagnostics in Microsoft's own parser, and every string it carries must
// come back byte for byte from Kusto's lexer. This is an offline validator on
// Kusto.Language (npm @kusto/language-service-next, compiled to JS by
// Bridge.NET), run by tests/kql/run.sh in one node process (docs/scale.md).
//
// Usage: node validate.js [options] [file.kql ...]      (no file, or "-", reads stdin)
//
//   --schema FILE     JSON schema with {"tables": {Name: {Col: type}}, "functions": {...}}
//                     (repeatable; default: schema/entra-la.json next to this script)
//   --no-default-schema   do not load the default schema
//   --declare FILE    a .kql/.csl file whose `.create[-or-alter] function` commands are
//                     declared as database functions but which is not itself reported on
//                     (repeatable). Functions defined by commands in the checked files are
//                     declared too, visible to the blocks that follow (in file order).
//   --split MODE      how a file is cut into separately analysed blocks:
//                       auto  (default) whole file is one query, unless it contains a
//                             control command (a line starting with '.'); then "blank"
//                       blank blocks are separated by blank lines outside (), [], {}
//                             (Kusto Explorer / Log Analytics convention)
//                       none  whole file is one query/command
//   --fail-on LEVEL   error (default) | warning | suggestion: lowest severity that fails
//   --no-analyzers    skip the KS5xx best-practice analyzers (warnings/suggestions)
//   --show LEVEL      lowest severity printed: error | warning | suggestion (default)
//   --json            print diagnostics as JSON lines
//   --time            print timings to stderr
//   --parse-only FILE check this file's syntax only (no binding, no analyzers; repeatable);
//                     functions its commands define are declared all the same (their
//                     bodies are bound where later blocks call them: KS512 on errors);
//                     its string literals still count for --expect-literals
//   --literals FILE   JSON array of [literal, value] pairs: each literal must lex as exactly
//                     one string literal token whose value (Kusto's decoding) is `value`
//   --expect-literals FILE  JSON array of strings: each must be the value of some string
//                     literal in the checked files
//
// Exit status: 0 = no diagnostic at/above --fail-on, 1 = at least one, 2 = usage/IO error.
'use strict';

const fs = require('fs');
const path = require('path');

const T0 = process.hrtime.bigint();
const ms = () => Number((process.hrtime.bigint() - T0) / 1000000n);

// ---------------------------------------------------------------- options
const opts = {
  schemas: [], defaultSchema: true, declares: [], split: 'auto', failOn: 'error',
  show: 'suggestion', analyzers: true, json: false, time: false, files: [], literals: [], expect: [], parseOnly: [],
};
const SEV_RANK = { error: 3, warning: 2, suggestion: 1 };
function usage(msg) {
  if (msg) process.stderr.write(`validate.js: ${msg}\n`);
  process.stderr.write('usage: node validate.js [--schema F] [--declare F] [--split auto|blank|none] ' +
    '[--fail-on error|warning|suggestion] [--show LEVEL] [--no-analyzers] [--json] [--time] ' +
    '[--parse-only F] [--literals F] [--expect-literals F] [file.kql ...|-]\n');
  process.exit(2);
}
{
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    const next = () => { if (i + 1 >= a.length) usage(`${v} needs a value`); return a[++i]; };
    switch (v) {
      case '--schema': opts.schemas.push(next()); break;
      case '--no-default-schema': opts.defaultSchema = false; break;
      case '--declare': opts.declares.push(next()); break;
      case '--split': opts.split = next(); if (!['auto', 'blank', 'none'].includes(opts.split)) usage('bad --split'); break;
      case '--fail-on': opts.failOn = next(); if (!SEV_RANK[opts.failOn]) usage('bad --fail-on'); break;
      case '--show': opts.show = next(); if (!SEV_RANK[opts.show]) usage('bad --show'); break;
      case '--no-analyzers': opts.analyzers = false; break;
      case '--json': opts.json = true; break;
      case '--time': opts.time = true; break;
      case '--literals': opts.literals.push(next()); break;
      case '--parse-only': opts.parseOnly.push(next()); break;
      case '--expect-literals': opts.expect.push(next()); break;
      case '-h': case '--help': usage();
      // eslint-disable-next-line no-fallthrough
      default:
        if (v.startsWith('--')) usage(`unknown option ${v}`);
        opts.files.push(v);
    }
  }
  if (opts.files.length === 0 && opts.parseOnly.length === 0) opts.files.push('-');
  if (opts.defaultSchema) opts.schemas.unshift(path.join(__dirname, 'schema', 'entra-la.json'));
}

// ---------------------------------------------------------------- load Kusto.Language
// bridge.js (the Bridge.NET runtime) must be loaded first: it defines the global `Bridge`.
// Kusto.Language.Bridge.js (package "main") then defines the global `Kusto`. Neither
// exports anything useful; everything hangs off globalThis. The .min.js variants are
// identical in behaviour and load ~40% faster.
// When started as `node --snapshot-blob kusto.blob validate.js` (see snapshot-entry.js)
// Kusto is already in the heap, warmed up, and start-up drops from ~1.5 s to ~0.3 s.
if (!globalThis.Kusto) {
  require('@kusto/language-service-next/bridge.min.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
}
/* global Kusto, System */
const K = Kusto.Language;
const Sym = K.Symbols;
const tLoaded = ms();

// IReadOnlyList<T> (Bridge) -> JS array
function toArray(list) {
  const out = [];
  if (!list) return out;
  const n = list.Count;
  for (let i = 0; i < n; i++) out.push(list.getItem(i));
  return out;
}

// ---------------------------------------------------------------- read inputs
function readInput(f) {
  try {
    return f === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(f, 'utf8');
  } catch (e) {
    process.stderr.write(`validate.js: cannot read ${f}: ${e.message}\n`);
    process.exit(2);
  }
}
const inputs = [...opts.files.map(f => ({ f, parseOnly: false })), ...opts.parseOnly.map(f => ({ f, parseOnly: true }))]
  .map(({ f, parseOnly }) => ({ name: f === '-' ? '<stdin>' : f, text: readInput(f).replace(/^\uFEFF/, ''), parseOnly }));
const declares = opts.declares.map(f => ({ name: f, text: readInput(f).replace(/^\uFEFF/, '') }));

// ---------------------------------------------------------------- split into blocks
// Uses Kusto's own lexer so that blank lines inside strings, comments or
// (), [], {} (e.g. a function body) do not split a block.
function splitBlocks(text, mode) {
  if (mode === 'auto') mode = /^[ \t]*\.[A-Za-z]/m.test(text) ? 'blank' : 'none';
  if (mode === 'none') return [{ start: 0, text }];
  const tokens = K.Parsing.TokenParser.ParseTokens(text, null);
  const cuts = [];
  let pos = 0, depth = 0;
  for (const tok of tokens) {
    const trivia = tok.Trivia || '';
    if (depth === 0 && pos > 0) {
      // a blank line in the trivia before this token separates blocks
      const m = /\n[ \t]*\r?\n/.exec(trivia);
      if (m) cuts.push(pos + m.index + 1);
    }
    pos += trivia.length;
    const t = tok.Text || '';
    if (t === '(' || t === '[' || t === '{') depth++;
    else if ((t === ')' || t === ']' || t === '}') && depth > 0) depth--;
    pos += t.length;
  }
  const blocks = [];
  let s = 0;
  for (const c of [...cuts, text.length]) {
    const bt = text.slice(s, c);
    if (bt.trim() !== '' && !/^\s*(\/\/[^\n]*\s*)*$/.test(bt)) blocks.push({ start: s, text: bt });
    s = c;
  }
  return blocks;
}

// ---------------------------------------------------------------- schema
const members = [];
const SCALAR = new Set(['string', 'datetime', 'dynamic', 'bool', 'boolean', 'int', 'long', 'real', 'double',
  'guid', 'timespan', 'decimal']);
function tableSymbol(name, cols) {
  // TableSymbol(name, "(col:type, ...)", description) parses a schema string;
  // bracket-quote names so odd characters are fine.
  const parts = Object.entries(cols).map(([c, t]) => {
    if (!SCALAR.has(t)) throw new Error(`table ${name}: column ${c} has unknown type ${t}`);
    return `['${c.replace(/'/g, "\\'")}']:${t}`;
  });
  return new Sym.TableSymbol.$ctor7(name, `(${parts.join(', ')})`, null);
}
const declaredFunctions = new Map(); // name -> {params, body, origin}
for (const f of opts.schemas) {
  let s;
  try { s = JSON.parse(fs.readFileSync(f, 'utf8')); } catch (e) {
    process.stderr.write(`validate.js: bad schema ${f}: ${e.message}\n`); process.exit(2);
  }
  for (const [t, cols] of Object.entries(s.tables || {})) members.push(tableSymbol(t, cols));
  for (const [fn, def] of Object.entries(s.functions || {})) {
    declaredFunctions.set(fn, { params: def.params || '()', body: def.body, origin: f });
  }
}

// Find `.create function`, `.create-or-alter function`, `.alter function` commands in a
// parsed command and return [{name, params, body}] with params/body as source text. Walks
// the syntax tree: CustomNode[... "function" ... NameDeclaration FunctionDeclaration].
function functionsInCommand(code) {
  const text = code.Text;
  const found = [];
  const kindName = n => System.Enum.toString(K.Syntax.SyntaxKind, n.Kind);
  (function walk(n) {
    if (!n) return;
    if (!n.IsToken) {
      const kids = [];
      for (let i = 0; i < n.ChildCount; i++) kids.push(n.GetChild(i));
      const kw = kids.filter(k => k && k.IsToken).map(k => k.Text.toLowerCase());
      if (kindName(n) === 'CustomNode' && kw.includes('function') &&
          (kw.includes('create') || kw.includes('create-or-alter') || kw.includes('alter'))) {
        for (let i = 0; i + 1 < kids.length; i++) {
          if (kids[i] && kids[i + 1] && kindName(kids[i]) === 'NameDeclaration' &&
              kindName(kids[i + 1]) === 'FunctionDeclaration') {
            const decl = kids[i + 1];
            const name = text.substr(kids[i].TextStart, kids[i].Width).replace(/^\[['"]?|['"]?\]$/g, '');
            let p = null, b = null;
            for (let j = 0; j < decl.ChildCount; j++) {
              const c = decl.GetChild(j);
              if (c && kindName(c) === 'FunctionParameters') p = c;
              else if (c && kindName(c) === 'FunctionBody') b = c;
            }
            if (!p || !b) continue;
            found.push({ name, params: text.substr(p.TextStart, p.Width), body: text.substr(b.TextStart, b.Width) });
          }
        }
      }
      kids.forEach(walk);
    }
  })(code.Syntax);
  return found;
}

// Functions become visible in the order they are defined (declare files first, then the
// inputs in command-line order), like running the script against a real database where
// `.create function` validates the body against what already exists. Each block is parsed
// once: parsing a control command is expensive (~150-300 ms; a query is ~3 ms).
let globals;
function rebuildGlobals() {
  const fns = [...declaredFunctions].map(([name, fn]) =>
    // FunctionSymbol(name, "(p:type, ...)", "{ body }", description)
    new Sym.FunctionSymbol.$ctor16(name, fn.params, fn.body, null));
  globals = K.GlobalState.Default.WithDatabase(new Sym.DatabaseSymbol.ctor('workspace', [...members, ...fns]));
}
rebuildGlobals();
// parseOnly: syntax only; functions a command defines are still declared, so
// their bodies are bound (and reported, KS512) wherever later blocks call them.
function analyseBlock(b, srcName, parseOnly = false) {
  const code = parseOnly ? K.KustoCode.Parse(b.text, globals) : K.KustoCode.ParseAndAnalyze(b.text, globals);
  if (code.Kind === 'Command') {
    const fns = functionsInCommand(code);
    for (const fn of fns) declaredFunctions.set(fn.name, { ...fn, origin: srcName });
    if (fns.length) rebuildGlobals();
  }
  return code;
}
for (const src of declares) for (const b of splitBlocks(src.text, opts.split)) analyseBlock(b, src.name);
const tSchema = ms();

// ---------------------------------------------------------------- analyse
function lineCol(lineStarts, offset) {
  let lo = 0, hi = lineStarts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1; }
  return { line: lo + 1, col: offset - lineStarts[lo] + 1 };
}
let failed = 0;
const counts = { error: 0, warning: 0, suggestion: 0 };
let nBlocks = 0;
for (const src of inputs) {
  const lineStarts = [0];
  for (let i = 0; i < src.text.length; i++) if (src.text[i] === '\n') lineStarts.push(i + 1);
  const lines = src.text.split('\n');
  for (const b of splitBlocks(src.text, opts.split)) {
    nBlocks++;
    const code = analyseBlock(b, src.name, src.parseOnly);
    const diags = toArray(code.GetDiagnostics());
    if (opts.analyzers && !src.parseOnly) {
      const svc = new K.Editor.KustoCodeService.ctor(code);
      diags.push(...toArray(svc.GetAnalyzerDiagnostics(true)));
    }
    diags.sort((x, y) => x.Start - y.Start);
    for (const d of diags) {
      const sev = String(d.Severity).toLowerCase();
      const rank = SEV_RANK[sev] || 0;
      if (sev in counts) counts[sev]++;
      if (rank >= SEV_RANK[opts.failOn]) failed++;
      if (rank < SEV_RANK[opts.show]) continue;
      const start = b.start + (d.HasLocation ? d.Start : 0);
      const { line, col } = lineCol(lineStarts, start);
      const snippet = d.HasLocation ? b.text.substr(d.Start, d.Length) : '';
      if (opts.json) {
        process.stdout.write(JSON.stringify({ file: src.name, line, col, offset: start, length: d.Length,
          severity: sev, code: d.Code, message: d.Message, text: snippet, blockKind: code.Kind }) + '\n');
      } else {
        process.stdout.write(`${src.name}:${line}:${col}: ${sev} ${d.Code}: ${d.Message.replace(/\s*\n\s*/g, ' ')}\n`);
        const l = (lines[line - 1] || '').replace(/\r$/, '');
        process.stdout.write(`    ${l}\n    ${' '.repeat(col - 1)}${'^'.repeat(Math.max(1, Math.min(d.Length, l.length - col + 1)))}` +
          (snippet && snippet.length <= 60 ? `  '${snippet}'` : '') + '\n');
      }
    }
  }
}
// ---------------------------------------------------------------- string literals
// Values of every string literal token in `text`, decoded the way Kusto does.
const kindName = k => System.Enum.toString(K.Syntax.SyntaxKind, k);
const tokensOf = text => { const t = K.Parsing.TokenParser.ParseTokens(text, null); return Array.isArray(t) ? t : toArray(t); };
function literalValues(text) {
  const out = [];
  for (const tok of tokensOf(text)) {
    if (kindName(tok.Kind) === 'StringLiteralToken') out.push(K.KustoFacts.GetStringLiteralValue(tok.Text));
  }
  return out;
}
function readJson(f) {
  try { return JSON.parse(readInput(f)); } catch (e) {
    process.stderr.write(`validate.js: bad JSON in ${f}: ${e.message}\n`); process.exit(2);
  }
}
let literalProblems = 0;
const show = s => JSON.stringify(s.length > 120 ? s.slice(0, 117) + '...' : s);
for (const f of opts.literals) {
  for (const [literal, value] of readJson(f)) {
    const toks = tokensOf(literal).filter(t => kindName(t.Kind) !== 'EndOfTextToken');
    const ok = toks.length === 1 && kindName(toks[0].Kind) === 'StringLiteralToken' && toks[0].Text === literal &&
      (toks[0].Trivia || '') === '' && K.KustoFacts.GetStringLiteralValue(literal) === value;
    if (!ok) {
      literalProblems++;
      process.stdout.write(`${f}: literal ${show(literal)} does not read back as ${show(value)} (tokens: ` +
        toks.map(t => kindName(t.Kind) + ' ' + show(t.Text)).join(', ') + ')\n');
    }
  }
}
if (opts.expect.length) {
  const seen = new Set();
  for (const src of inputs) for (const v of literalValues(src.text)) seen.add(v);
  for (const f of opts.expect) {
    for (const value of readJson(f)) {
      if (!seen.has(value)) {
        literalProblems++;
        process.stdout.write(`${f}: no string literal in the checked files has the value ${show(value)}\n`);
      }
    }
  }
}
failed += literalProblems;

const tDone = ms();
if (!opts.json) {
  process.stdout.write(`${inputs.length} file(s), ${nBlocks} block(s): ${counts.error} error(s), ` +
    `${counts.warning} warning(s), ${counts.suggestion} suggestion(s)` +
    (opts.literals.length || opts.expect.length ? `, ${literalProblems} literal problem(s)` : '') + '\n');
}
if (opts.time) {
  const cpu = process.cpuUsage();
  process.stderr.write(`timing${globalThis.__kustoSnapshot ? ' (snapshot)' : ''}: load ${tLoaded} ms, schema ${tSchema - tLoaded} ms, ` +
    `analyse ${tDone - tSchema} ms, total ${tDone} ms; cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms\n`);
}
process.exit(failed ? 1 : 0);
