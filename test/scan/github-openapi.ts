// GitHub's own OpenAPI description (@octokit/openapi), loaded once per test file: its examples are the
// templates of our mocked responses, and its schemas check that what we mock is what GitHub sends.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface OpenApiDocument {
  components: { schemas: JsonObject; examples: Record<string, { value: Json }> };
}

let loaded: { document: OpenApiDocument; ajv: Ajv } | undefined;

function load(): { document: OpenApiDocument; ajv: Ajv } {
  if (loaded) return loaded;
  const path = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  const document = JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument;
  // Formats (uri, date-time) are not what these tests are about; the shapes are.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'github', components: { schemas: withoutNullable(document.components.schemas) } });
  loaded = { document, ajv };
  return loaded;
}

/**
 * OpenAPI 3.0's `nullable: true` is not JSON Schema: rewritten as a type that also allows null, or,
 * for a schema without a type (a $ref, an allOf), as anyOf with null.
 */
function withoutNullable(node: Json): Json {
  if (Array.isArray(node)) return node.map((item) => withoutNullable(item));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) if (key !== 'nullable') out[key] = withoutNullable(value);
  if (node.nullable !== true) return out;
  if (typeof out.type !== 'string') return { anyOf: [out, { type: 'null' }] };
  out.type = [out.type, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

/** A deep copy of one of GitHub's examples (`commit`, `commit-comparison`, `commit-items`, ...). */
export function example(name: string): Json {
  const found = load().document.components.examples[name];
  if (!found) throw new Error(`no OpenAPI example named ${name}`);
  return structuredClone(found.value);
}

const validators = new Map<string, ValidateFunction>();

/** Throws, with ajv's messages, unless `body` satisfies the named component schema (or an array of it). */
export function assertMatchesSchema(schemaName: string, body: unknown, options: { array?: boolean } = {}): void {
  const key = `${schemaName}${options.array ? '[]' : ''}`;
  let validate = validators.get(key);
  if (!validate) {
    const ref = { $ref: `github#/components/schemas/${schemaName}` };
    validate = load().ajv.compile(options.array ? { type: 'array', items: ref } : ref);
    validators.set(key, validate);
  }
  if (!validate(body)) {
    throw new Error(`mocked body does not match GitHub's ${key} schema: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
  }
}

export type { Json, JsonObject };
