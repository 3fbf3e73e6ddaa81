// Why: an optional V8 start-up snapshot with Kusto.Language preloaded and
// warmed up saves about a second per validator run (-DIDTRIAGE_KQL_SNAPSHOT=ON).
//   build: node --snapshot-blob kusto.blob --build-snapshot snapshot-entry.js
//   use:   node --snapshot-blob kusto.blob validate.js ...
// The blob only works with the exact node binary that built it: it is built in
// the build tree (cmake/KqlValidate.cmake), never committed.
// A snapshot entry script may only require built-in modules, so the two Bridge
// scripts are evaluated with indirect eval in the global scope (they attach
// `Bridge` and `Kusto` to globalThis).
'use strict';
const fs = require('fs');
const path = require('path');

function findPkg() {
  const candidates = [process.env.KUSTO_PKG_DIR,
    path.join(process.cwd(), 'node_modules/@kusto/language-service-next'),
    path.join(__dirname, 'node_modules/@kusto/language-service-next')].filter(Boolean);
  for (const c of candidates) if (fs.existsSync(path.join(c, 'bridge.min.js'))) return c;
  throw new Error('cannot find @kusto/language-service-next (set KUSTO_PKG_DIR)');
}
const pkg = findPkg();
const indirectEval = eval;
for (const f of ['bridge.min.js', 'Kusto.Language.Bridge.min.js']) {
  indirectEval(fs.readFileSync(path.join(pkg, f), 'utf8') + `\n//# sourceURL=${f}`);
}
// warm up: force the lazy static initialisation of built-in functions, operators, analyzers
const K = globalThis.Kusto.Language;
const warm = 'let t = datatable(a:string, b:dynamic)["x", dynamic({})];\n' +
  't | extend y = bin(now(), 15m), z = tostring(parse_json("{}").a) | summarize count(), dcount(a) by y';
const code = K.KustoCode.ParseAndAnalyze(warm, K.GlobalState.Default);
code.GetDiagnostics();
new K.Editor.KustoCodeService.ctor(code).GetAnalyzerDiagnostics(true);
K.Parsing.TokenParser.ParseTokens('.create-or-alter function f() { print 1 }', null);
K.KustoCode.Parse('.create-or-alter function f() { print 1 }', K.GlobalState.Default);
globalThis.__kustoSnapshot = { pkg, built: new Date().toISOString() };
