// Checks a request body the app sends to GitHub against GitHub's own OpenAPI description
// (@octokit/openapi), so a test fails on what the real API would reject: 51 annotations, a
// missing `conclusion`, an unknown status. The description is large: it is read once per test file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

interface OpenApiOperation {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

const DOCUMENT_ID = 'api.github.com';

/** ISO 8601 date-time as GitHub takes it (`YYYY-MM-DDTHH:MM:SSZ`, fractions and offsets allowed). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

let loaded: { document: OpenApiDocument; ajv: Ajv } | undefined;
const validators = new Map<string, ValidateFunction>();

function load(): { document: OpenApiDocument; ajv: Ajv } {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const document = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  rewriteNullable(document);
  // strict: false because an OpenAPI document carries keywords JSON Schema does not know
  // (`example`, `x-github`, `discriminator`...).
  const ajv = new Ajv({ strict: false, allErrors: true, formats: { 'date-time': DATE_TIME, uri: true, email: true } });
  // The whole document is added under one id so that `#/components/...` refs resolve inside it.
  ajv.addSchema(document, DOCUMENT_ID);
  loaded = { document, ajv };
  return loaded;
}

/**
 * OpenAPI 3.0's `nullable: true` in JSON Schema terms: Ajv accepts `nullable` only beside `type`,
 * and GitHub also puts it beside `oneOf` (an issue's `milestone`), so every occurrence becomes an
 * explicit alternative `null`. Rewrites in place: the document is private to this module.
 */
function rewriteNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteNullable(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  for (const value of Object.values(schema)) rewriteNullable(value);
  if (schema.nullable !== true) return;
  delete schema.nullable;
  const alternative = { ...schema };
  for (const key of Object.keys(schema)) delete schema[key];
  schema.anyOf = [alternative, { type: 'null' }];
}

/** The path template (`/repos/{owner}/{repo}/check-runs/{check_run_id}`) a concrete path matches. */
export function findOperationPath(method: string, path: string): string | undefined {
  const { document } = load();
  const pathname = path.split('?')[0] ?? path;
  const segments = pathname.split('/');
  const verb = method.toLowerCase();
  const matches = Object.keys(document.paths).filter((template) => {
    const parts = template.split('/');
    return (
      document.paths[template]?.[verb] !== undefined &&
      parts.length === segments.length &&
      parts.every((part, i) => (part.startsWith('{') && part.endsWith('}') ? (segments[i] ?? '') !== '' : part === segments[i]))
    );
  });
  // `/repos/{owner}/{repo}/issues/comments` and `/repos/{owner}/{repo}/issues/{issue_number}` can
  // both match: the template with the fewest placeholders is the literal route GitHub serves.
  return matches.sort((a, b) => placeholders(a) - placeholders(b))[0];
}

function placeholders(template: string): number {
  return template.split('/').filter((part) => part.startsWith('{')).length;
}

/**
 * Problems GitHub's schema finds in `body` for `method path` (a concrete path such as
 * `/repos/o/r/check-runs/7`); empty when the body is valid. An unknown route is a problem too.
 */
export function requestBodyProblems(method: string, path: string, body: unknown): string[] {
  const template = findOperationPath(method, path);
  if (template === undefined) return [`${method} ${path} is not an operation of the GitHub REST API`];
  const verb = method.toLowerCase();
  const operation = load().document.paths[template]?.[verb];
  const hasJsonBody = operation?.requestBody?.content?.['application/json']?.schema !== undefined;
  if (!hasJsonBody) return body === undefined ? [] : [`${method} ${template} takes no JSON body`];
  const validate = validatorFor(template, verb);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${method} ${template}: ${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`);
}

function validatorFor(template: string, verb: string): ValidateFunction {
  const key = `${verb} ${template}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const pointer = ['paths', template, verb, 'requestBody', 'content', 'application/json', 'schema'].map(escapePointer).join('/');
  const validate = load().ajv.compile({ $ref: `${DOCUMENT_ID}#/${pointer}` });
  validators.set(key, validate);
  return validate;
}

/** JSON Pointer escaping (RFC 6901) plus URI escaping of the braces in path templates. */
function escapePointer(token: string): string {
  return encodeURIComponent(token.replaceAll('~', '~0').replaceAll('/', '~1'));
}
