#!/usr/bin/env node
// Compiles JSON Schemas with ajv in strict mode and validates YAML files against one.
//   validate.js --compile SCHEMA...          exit 0 when every schema compiles
//   validate.js SCHEMA FILE...               one line per file: `valid FILE` or `invalid FILE: errors`
//                                            (every YAML document of a file is validated); exit 0
// Annotations yaml-language-server reads (deprecationMessage, doNotSuggest) are declared as such.
'use strict';
const fs = require('fs');
const Ajv = require('ajv');
const YAML = require('yaml');

function compiler() {
  // Strict, except that a declared key may also match a family's pattern (`gs.writer.chunk.size` and
  // `gs.*`): both schemas apply, which is what the key needs.
  const ajv = new Ajv({ strict: true, allowMatchingProperties: true, allErrors: true });
  ajv.addVocabulary(['deprecationMessage', 'doNotSuggest', 'markdownDescription']);
  return ajv;
}

function compile(path) {
  return compiler().compile(JSON.parse(fs.readFileSync(path, 'utf8')));
}

function main(args) {
  if (args[0] === '--compile') {
    for (const path of args.slice(1)) {
      compile(path);
      console.log(`compiled ${path}`);
    }
    return 0;
  }
  const validate = compile(args[0]);
  for (const file of args.slice(1)) {
    const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'));
    const errors = [];
    for (const doc of docs) {
      if (doc.errors.length) errors.push(`YAML: ${doc.errors[0].message}`);
      const value = doc.toJS({ maxAliasCount: 100 });
      if (value === null || value === undefined) continue;
      if (!validate(value)) errors.push(...validate.errors.map((e) => `${e.instancePath} ${e.message}`));
    }
    console.log(errors.length ? `invalid ${file}: ${errors.slice(0, 5).join('; ')}` : `valid ${file}`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`validate.js: ${e.message}`);
  process.exitCode = 2;
}
