// How a provider declares its operator settings: base URLs (GitHub Enterprise, a self-managed GitLab,
// an EU region, a proxy, a test server), admin keys and the like. They come from the environment
// only: a repository's config never chooses where a secret is sent. Each provider's folder holds a
// settings.ts built from these fields; the registry reads every provider's declaration at once.
import { readFileSync } from 'node:fs';
import { Secret } from '../detect/secret.js';

export type ReadSecretFile = (path: string) => string;

export const readUtf8: ReadSecretFile = (path) => readFileSync(path, 'utf8');

/** One setting: the variable it is read from and how, adding a problem (never the value) when it is wrong. */
export interface SettingField<T> {
  /** The variable, and for keys also `<variable>_FILE`. */
  variables: readonly string[];
  read(env: NodeJS.ProcessEnv, readFile: ReadSecretFile, problems: string[]): T;
}

/** A provider's settings: the variables it reads and how to read them all, every problem listed. */
export interface SettingsSpec<S> {
  variables: readonly string[];
  read(env: NodeJS.ProcessEnv, readFile: ReadSecretFile, problems: string[]): S;
}

type ValuesOf<F extends Record<string, SettingField<unknown>>> = { [K in keyof F]: F[K] extends SettingField<infer T> ? T : never };

/** Without a value, undefined fields are left out, so a settings object holds only what is set. */
type Defined<V> = { [K in keyof V as undefined extends V[K] ? never : K]: V[K] } & { [K in keyof V as undefined extends V[K] ? K : never]?: Exclude<V[K], undefined> };

export function defineSettings<F extends Record<string, SettingField<unknown>>>(fields: F): SettingsSpec<Defined<ValuesOf<F>>>;
export function defineSettings<F extends Record<string, SettingField<unknown>>, S>(fields: F, finish: (values: ValuesOf<F>, problems: string[]) => S): SettingsSpec<S>;
export function defineSettings<F extends Record<string, SettingField<unknown>>, S>(fields: F, finish?: (values: ValuesOf<F>, problems: string[]) => S): SettingsSpec<unknown> {
  return {
    variables: Object.values(fields).flatMap((field) => field.variables),
    read(env, readFile, problems) {
      const values: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(fields)) {
        const value = field.read(env, readFile, problems);
        if (value !== undefined) values[key] = value;
      }
      return finish ? finish(values as ValuesOf<F>, problems) : values;
    },
  };
}

/** An empty variable counts as unset, as in a shell `FOO= leakstop worker`. */
function valueOf(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function parseHttpUrl(variable: string, value: string, problems: string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${variable} must be an http(s) URL, e.g. https://api.example.com`);
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`${variable} must be an http(s) URL, e.g. https://api.example.com`);
    return undefined;
  }
  // One form for every base: no trailing slash, so `${base}/path` never doubles it.
  return value.replace(/\/{1,10}$/, '');
}

/** A base URL with the provider's public default. */
export function baseUrl(variable: string, fallback: string): SettingField<string> {
  return {
    variables: [variable],
    read: (env, _readFile, problems) => {
      const value = valueOf(env, variable);
      return value === undefined ? fallback : (parseHttpUrl(variable, value, problems) ?? fallback);
    },
  };
}

/** A URL with no default: the provider runs wherever its operator runs it (Vault). */
export function optionalUrl(variable: string): SettingField<string | undefined> {
  return {
    variables: [variable],
    read: (env, _readFile, problems) => {
      const value = valueOf(env, variable);
      return value === undefined ? undefined : parseHttpUrl(variable, value, problems);
    },
  };
}

/** A short value of a known shape (a namespace, an organization login); `shape` says what it must be. */
export function textSetting(variable: string, pattern: RegExp, shape: string): SettingField<string | undefined> {
  return {
    variables: [variable],
    read: (env, _readFile, problems) => {
      const value = valueOf(env, variable);
      if (value === undefined) return undefined;
      if (pattern.test(value)) return value;
      problems.push(`${variable} ${shape}`);
      return undefined;
    },
  };
}

/** An operator credential: given inline as NAME or, better, as NAME_FILE naming a file; not both. */
export function secretSetting(variable: string): SettingField<Secret | undefined> {
  return {
    variables: [variable, `${variable}_FILE`],
    read: (env, readFile, problems) => {
      const value = readSecretVariable(env, variable, readFile, problems);
      return value === undefined ? undefined : new Secret(value);
    },
  };
}

/** NAME or NAME_FILE, not both; a file's trailing newline is not part of the key. */
function readSecretVariable(env: NodeJS.ProcessEnv, name: string, readFile: ReadSecretFile, problems: string[]): string | undefined {
  const inline = valueOf(env, name);
  const path = valueOf(env, `${name}_FILE`);
  if (inline !== undefined && path !== undefined) {
    problems.push(`${name} and ${name}_FILE are both set: keep only one (${name}_FILE is preferred)`);
    return undefined;
  }
  if (path === undefined) return checkSecretValue(inline, name, problems);
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    problems.push(`${name}_FILE cannot be read (${reason}): set it to a file holding only the key`);
    return undefined;
  }
  return checkSecretValue(text.trim(), `${name}_FILE`, problems);
}

function checkSecretValue(value: string | undefined, name: string, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  // A key is one line of printable characters; anything else is a wrong file or a pasting accident.
  if (!/^[\x21-\x7e]{8,4096}$/.test(value)) {
    problems.push(`${name} does not hold a key (expected 8-4096 printable characters without spaces)`);
    return undefined;
  }
  return value;
}
