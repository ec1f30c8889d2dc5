// Registry credentials in a Docker client config (~/.docker/config.json, and the
// `.dockerconfigjson` of Kubernetes pull secrets once decoded): `"auths": { "<registry>": { "auth":
// "<base64 of user:password>" } }`, as `docker login` writes it without a credential store
// (https://docs.docker.com/reference/cli/docker/login/). validate() decodes the value and requires
// `user:password` with a real password: the registry named in the key is shown, never the password.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { notARealPassword } from '../database/url-password.js';

/** The registry key of the object the `"auth"` sits in: `"https://index.docker.io/v1/": {`. */
const REGISTRY_KEY = /"([^"\s]{1,200})"[ \t\r\n]{0,40}:[ \t\r\n]{0,40}\{[^{}]*$/;

/** The host of a registry key: `https://index.docker.io/v1/` → `index.docker.io`. */
function registryHost(key: string): string {
  return key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0]!.replace(/:\d+$/, '');
}

function checkAuth({ secret, before }: Candidate): Validation {
  if (!/\{[^{}]*$/.test(before)) return { valid: false, reason: 'not inside a JSON object' };
  const decoded = Buffer.from(secret, 'base64').toString('utf8');
  if (!/^[\x20-\x7e]+$/.test(decoded)) return { valid: false, reason: 'does not decode to text' };
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return { valid: false, reason: 'does not decode to user:password' };
  const registry = REGISTRY_KEY.exec(before)?.[1] ?? '';
  const host = registryHost(registry);
  const reason = notARealPassword({ user: decoded.slice(0, colon), password: decoded.slice(colon + 1), host: host === '' ? 'registry.unknown' : host });
  if (reason !== undefined) return { valid: false, reason };
  return { valid: true, confidence: 'structure', details: registry === '' ? {} : { dockerRegistry: host } };
}

const registryAuth: Rule = {
  id: 'docker-config-auth',
  provider: 'docker-config',
  title: 'Docker registry credential in a Docker config (auths)',
  severity: 'high',
  keywords: ['"auth"'],
  window: { before: 0, after: 4200 },
  anchor: 'keyword',
  pattern: /"auth"[ \t]{0,8}:[ \t]{0,8}"(?<secret>[A-Za-z0-9+/]{4,4096}={0,2})"/,
  validate: checkAuth,
  remediation:
    "Change the password or delete the access token at the registry named in the key (Docker Hub: Account settings → Personal access tokens; a cloud registry: the account or service principal it belongs to), then log in through a credential helper (credsStore) so that config.json holds no secret.",
  samples: {
    positive: [
      '{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "YWNtZS1jaTpYazltUTJ2THo3UnRXNHBC"\n    }\n  }\n}',
      '{"auths":{"europe-docker.pkg.dev":{"auth":"X2pzb25fa2V5X2Jhc2U2NDpIdzhyVHEyWm1LNHZMeDlO"}}}',
    ],
    negative: [
      // username:password
      '{"auths":{"registry.acme.io":{"auth":"dXNlcm5hbWU6cGFzc3dvcmQ="}}}',
      // "user:" and "acme-ci": no password.
      '{"auths":{"registry.acme.io":{"auth":"dXNlcjo="}}}',
      '{"auths":{"registry.acme.io":{"auth":"YWNtZS1jaQ=="}}}',
      '{"auths":{"https://index.docker.io/v1/":{}},"credsStore":"desktop"}',
      '{"auths":{"registry.acme.io":{"auth":"<base64 of user:password>"}}}',
    ],
  },
};

export const dockerConfig: ProviderDefinition = { id: 'docker-config', name: 'Docker config', rules: [registryAuth] };
