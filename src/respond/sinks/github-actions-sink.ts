// Writes a rotated secret as a GitHub Actions secret of a repository or organization. GitHub takes
// only a libsodium sealed box made with the target's public key, so the new value never crosses the
// wire in clear, not even to GitHub's own API.
// Endpoints (docs.github.com/rest/actions/secrets):
//   GET /repos/{owner}/{repo}/actions/secrets/public-key  and  GET /orgs/{org}/actions/secrets/public-key
//   PUT /repos/{owner}/{repo}/actions/secrets/{name}      and  PUT /orgs/{org}/actions/secrets/{name}
//   (201 created, 204 updated). Token: repo scope / "Secrets" write (admin:org for organizations).
//   Limits: the REST API's 5,000 requests an hour per token, and secondary limits on writes (429 or
//   403 with retry-after), surfaced as retryable failures.
import sodium from 'libsodium-wrappers';
import { z } from 'zod';
import type { Secret } from '../../detect/secret.js';
import { isFailed, joinUrl, requestJson, unexpectedStatus } from './sink-http.js';
import type { Outcome } from '../../providers/contract.js';
import { describeSecretSource, readOperatorSecret, type RotationSink, type RotationSinkSettings } from './rotation-sink.js';

type GithubActionsSettings = Extract<RotationSinkSettings, { kind: 'github-actions' }>;

const SERVICE = 'GitHub Actions secrets API';
/** GitHub's rule for secret names: letters, digits, underscores, not starting with a digit or GITHUB_. */
const SECRET_NAME = /^(?!GITHUB_)[A-Za-z_][A-Za-z0-9_]{0,199}$/i;

const publicKeySchema = z.object({ key_id: z.string().min(1), key: z.string().min(1) });

export interface GithubActionsSinkDeps {
  fetch: typeof fetch;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

/** Seals `value` for a GitHub public key (base64) the way GitHub's docs do: crypto_box_seal, base64 out. */
export async function sealForGithub(value: string, publicKeyBase64: string): Promise<string> {
  await sodium.ready;
  const publicKey = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), publicKey);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

export function createGithubActionsSink(settings: GithubActionsSettings, deps: GithubActionsSinkDeps): RotationSink {
  const target = settings.repository !== undefined ? `repos/${settings.repository}` : `orgs/${settings.organization ?? ''}`;
  const where = settings.repository ?? `organization ${settings.organization ?? ''}`;

  async function write(name: string, secret: Secret): Promise<Outcome<{ location: string }>> {
    if (!SECRET_NAME.test(name)) return { status: 'failed', retryable: false, summary: `"${name.slice(0, 60)}" is not a valid GitHub Actions secret name` };
    const token = readOperatorSecret(settings.token, deps.env);
    if (token === undefined) return { status: 'failed', retryable: false, summary: `no GitHub token for the rotation sink: set ${describeSecretSource(settings.token)}` };
    const headers = { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };

    const keyReply = await requestJson(deps.fetch, joinUrl(settings.apiBaseUrl, `${target}/actions/secrets/public-key`), { headers }, SERVICE);
    if (isFailed(keyReply)) return keyReply;
    if (keyReply.status !== 200) return unexpectedStatus(SERVICE, keyReply, deps.now());
    const publicKey = publicKeySchema.safeParse(keyReply.body);
    if (!publicKey.success) return { status: 'failed', retryable: true, summary: `${SERVICE} returned a public key in an unexpected shape` };

    const body: Record<string, unknown> = { encrypted_value: await sealForGithub(secret.reveal(), publicKey.data.key), key_id: publicKey.data.key_id };
    if (settings.organization !== undefined) {
      body['visibility'] = settings.visibility;
      if (settings.visibility === 'selected') body['selected_repository_ids'] = settings.selectedRepositoryIds ?? [];
    }
    const putReply = await requestJson(
      deps.fetch,
      joinUrl(settings.apiBaseUrl, `${target}/actions/secrets/${encodeURIComponent(name)}`),
      { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) },
      SERVICE,
    );
    if (isFailed(putReply)) return putReply;
    if (putReply.status !== 201 && putReply.status !== 204) return unexpectedStatus(SERVICE, putReply, deps.now());
    const verb = putReply.status === 201 ? 'created' : 'updated';
    return { status: 'done', data: { location: `GitHub Actions secret ${name} of ${where}` }, summary: `${verb} the GitHub Actions secret ${name} of ${where}` };
  }

  return { kind: 'github-actions', write };
}
