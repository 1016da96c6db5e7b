// The SARIF 2.1.0 JSON schema (__tests__/fixtures/sarif-2.1.0.json: the copy the npm package
// @microsoft/sarif-multitool-linux 5.7.0 ships, OASIS's schema labelled JSON Schema 2020-12), compiled with ajv and
// its formats (uri, uri-reference, date-time, uuid are checked): the truth a SARIF file is checked against.

import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync('__tests__/fixtures/sarif-2.1.0.json', 'utf8')) as { $schema: string };

/** "/runs/0/results/0/level: must be equal to one of the allowed values", one line per problem; none when valid. */
let compiled: ReturnType<Ajv2020['compile']> | null = null;

export function sarifSchemaErrors(log: unknown): string[] {
  if (!compiled) {
    // strict off: the schema itself has a `required` the strict mode objects to (inside an anyOf)
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    compiled = ajv.compile(schema);
  }
  const validate = compiled;
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}

export const SARIF_SCHEMA_DIALECT = schema.$schema;
