// The operator's rotation sink, built from its parsed settings (parseRotationSinkSettings).
import { createSecretsManagerSink, type SecretsManagerSinkDeps } from './aws-secrets-manager-sink.js';
import { createGithubActionsSink } from './github-actions-sink.js';
import type { RotationSink, RotationSinkSettings } from './rotation-sink.js';
import { createVaultKv2Sink } from './vault-kv2-sink.js';

export interface RotationSinkDeps {
  fetch: typeof fetch;
  /** Where the sink's token variables are read from: the worker's own environment. */
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** For the Secrets Manager sink; the SDK's default chain otherwise. */
  aws?: SecretsManagerSinkDeps;
}

export function createRotationSink(settings: RotationSinkSettings, deps: RotationSinkDeps): RotationSink {
  switch (settings.kind) {
    case 'github-actions':
      return createGithubActionsSink(settings, deps);
    case 'vault-kv2':
      return createVaultKv2Sink(settings, deps);
    case 'aws-secrets-manager':
      return createSecretsManagerSink(settings, deps.aws);
  }
}
