#!/usr/bin/env node
// Checks FHIR R4 resources (a Questionnaire, a QuestionnaireResponse, ...) against the
// core R4 structure definitions that FHIR.js (the npm package `fhir`) carries.
//
//   node tests/fhir/validate.js FILE...
//
// Each FILE holds one JSON resource. Errors, fatals and warnings are printed, one a
// line, as FILE: SEVERITY LOCATION: MESSAGE, then a summary line per file. Errors and
// fatals make the resource invalid; warnings do not. Information messages (FHIR.js
// says it has no copy of an example value set, for instance) are only counted, unless
// -v is given. A property that R4 does not
// define is an error: FHIR's JSON format forbids unknown properties.
// Exit status: 0 when every file is valid, 1 when any is not, 2 on a usage error
// or a file that cannot be read or is not JSON.
'use strict';

const fs = require('fs');
const path = require('path');

let Fhir;
try {
  ({ Fhir } = require('fhir'));
} catch (e) {
  process.stderr.write(`validate.js: cannot load FHIR.js (${e.message}); run npm ci at the top of the repository\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const files = args.filter(a => a !== '-v');
if (files.length === 0 || files.includes('-h') || files.includes('--help')) {
  process.stderr.write('usage: node tests/fhir/validate.js [-v] FILE...\n' +
    'Validates each FHIR R4 JSON resource with FHIR.js; exits 1 if any has an error.\n');
  process.exit(files.length === 0 ? 2 : 0);
}

const fhir = new Fhir();
const failing = new Set(['error', 'fatal']);
let status = 0;
for (const file of files) {
  let resource;
  try {
    resource = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    process.stdout.write(`${file}: fatal: ${e.message}\n`);
    status = 2;
    continue;
  }
  if (resource === null || typeof resource !== 'object' || Array.isArray(resource) ||
      typeof resource.resourceType !== 'string') {
    process.stdout.write(`${file}: fatal: not a FHIR resource (no resourceType)\n`);
    status = Math.max(status, 1);
    continue;
  }
  let result;
  try {
    result = fhir.validate(resource, { errorOnUnexpected: true });
  } catch (e) {
    // FHIR.js throws on some shapes it cannot walk (e.g. a string where an object belongs).
    result = { valid: false, messages: [{ severity: 'fatal', location: resource.resourceType, message: e.message }] };
  }
  const errors = result.messages.filter(m => failing.has(m.severity));
  for (const m of result.messages) {
    if (m.severity === 'info' && !verbose) continue;
    process.stdout.write(`${file}: ${m.severity} ${m.location || ''}: ${m.message}\n`);
  }
  const valid = result.valid && errors.length === 0;
  const count = severity => result.messages.filter(m => m.severity === severity).length;
  process.stdout.write(`${file}: ${resource.resourceType} ${valid ? 'valid' : 'INVALID'}` +
    ` (${errors.length} error(s), ${count('warning')} warning(s), ${count('info')} info)\n`);
  if (!valid) status = Math.max(status, 1);
}
process.exit(status);
