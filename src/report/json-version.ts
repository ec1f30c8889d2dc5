// The JSON report's format version, on its own so that writing a report does not load zod (the
// schema in json.schema.ts is for tests, editors and docs): `leakstop scan` starts faster.
export const JSON_REPORT_VERSION = 1;
