/**
 * Lets a child `node` process load the TypeScript sources directly (`node -r ./test/preview/register-ts.js
 * src/cli/main.ts …`), transpiled one file at a time, for tests that need a real process: signals
 * sent to a jest test reach jest's own process, not the test's sandboxed `process` object.
 */
'use strict';
const fs = require('node:fs');
const ts = require('typescript');

const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true };
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: options, fileName: filename });
  module._compile(outputText, filename);
};
