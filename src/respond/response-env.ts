// Everything the leak response takes from the operator's environment, read once at start-up so a
// mistake stops the worker with a message naming the variable, rather than failing the first leak:
// on/off and dry-run switches, provider base URLs and admin keys, the rotation sink, the seal key.
import type { OperatorSettings } from '../providers/contract.js';
import { parseOperatorSettings } from '../providers/index.js';
import type { ReadSecretFile } from '../providers/settings.js';
import type { OperatorResponseSettings } from './policy.js';
import { sealKeyFromEnv, type SealKey } from './seal.js';
import { parseRotationSinkSettings, type RotationSinkSettings } from './sinks/rotation-sink.js';

export interface ResponseEnv extends OperatorResponseSettings {
  providers: OperatorSettings;
  sink?: RotationSinkSettings;
  sealKey: SealKey;
}

export class ResponseEnvError extends Error {
  override name = 'ResponseEnvError';
}

/** LEAKSTOP_RESPONSE alone: what the web process needs to know (it queues approvals or answers 503). */
export function responseEnabled(env: NodeJS.ProcessEnv): boolean {
  return flag(env, 'LEAKSTOP_RESPONSE', { on: true, off: false }, true);
}

/** The response's settings, or `{ enabled: false }` when LEAKSTOP_RESPONSE=off. */
export function parseResponseEnv(env: NodeJS.ProcessEnv, readFile?: ReadSecretFile): ResponseEnv | { enabled: false } {
  if (!responseEnabled(env)) return { enabled: false };
  const dryRun = flag(env, 'LEAKSTOP_RESPONSE_DRY_RUN', { true: true, false: false }, false);
  const sink = parseRotationSinkSettings(env);
  return {
    enabled: true,
    dryRun,
    providers: parseOperatorSettings(env, readFile),
    ...(sink === undefined ? {} : { sink }),
    sealKey: readFile === undefined ? sealKeyFromEnv(env) : sealKeyFromEnv(env, readFile),
  };
}

function flag(env: NodeJS.ProcessEnv, name: string, values: Record<string, boolean>, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  const value = values[raw];
  if (value === undefined) throw new ResponseEnvError(`${name} must be ${Object.keys(values).join(' or ')}, not '${raw.slice(0, 20)}'`);
  return value;
}
