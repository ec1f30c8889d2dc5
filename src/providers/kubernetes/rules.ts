// Kubernetes service account tokens (https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/
// and .../authentication/#service-account-tokens): JWTs signed by the cluster (RS256, with the
// signing key's id in the header, empty on legacy tokens), whose subject is
// `system:serviceaccount:<namespace>:<name>`. Legacy tokens (stored in Secrets, never expiring) carry
// `iss: kubernetes/serviceaccount` and `kubernetes.io/serviceaccount/*` claims; bound tokens (the
// TokenRequest API, projected volumes) carry the cluster's issuer URL and a `kubernetes.io` object.
// They sit in kubeconfig `token:` fields, CI variables and `Authorization: Bearer` lines. The
// header's fixed start is the keyword; validate() keeps only tokens whose claims name a service
// account, and reports its namespace and name (the JWT is not verified: that needs the cluster's key).
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { jwtPayload } from '../jwt-payload.js';

/** base64url of `{"alg":"RS256","kid":` : the start of every header the API server writes. */
const HEADER_START = 'eyJhbGciOiJSUzI1NiIsImtpZCI6';

const SUBJECT = /^system:serviceaccount:([a-z0-9][a-z0-9-]{0,62}):([a-z0-9][a-z0-9.-]{0,252})$/;

function checkServiceAccountToken({ secret }: Candidate): Validation {
  const payload = jwtPayload(secret);
  if (!payload) return { valid: false, reason: 'not a JWT with a JSON payload' };
  const subject = typeof payload['sub'] === 'string' ? SUBJECT.exec(payload['sub']) : null;
  if (!subject) return { valid: false, reason: 'subject is not a service account' };
  const legacy = payload['iss'] === 'kubernetes/serviceaccount';
  if (!legacy && (typeof payload['kubernetes.io'] !== 'object' || payload['kubernetes.io'] === null)) return { valid: false, reason: 'no Kubernetes claims' };
  const details: Record<string, string> = { namespace: subject[1]!, serviceAccount: subject[2]!, kind: legacy ? 'legacy (never expires)' : 'bound' };
  if (typeof payload['exp'] === 'number') details['expires'] = new Date(payload['exp'] * 1000).toISOString();
  return { valid: true, confidence: 'structure', details };
}

const serviceAccountToken: Rule = {
  id: 'kubernetes-service-account-token',
  provider: 'kubernetes',
  title: 'Kubernetes service account token',
  severity: 'high',
  keywords: [HEADER_START],
  window: { before: 0, after: 4600 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_-])(?<secret>${HEADER_START}[A-Za-z0-9_-]{0,200}\.[A-Za-z0-9_-]{40,3000}\.[A-Za-z0-9_-]{40,1400})(?![A-Za-z0-9_.=-])`),
  skipPlaceholderCheck: true,
  validate: checkServiceAccountToken,
  remediation:
    "Invalidate the token: for a legacy token delete its Secret (kubectl delete secret <name> -n <namespace>), for a bound token delete and recreate the service account (or rotate the cluster's signing key); then check the API server's audit log for the service account's requests (https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/).",
  samples: {
    positive: [
      'users:\n- name: ledger-sync\n  user:\n    token: eyJhbGciOiJSUzI1NiIsImtpZCI6IlR2YVlGOW9ZVHVXXzM2M0s4WTNSaGNhamY5bmx1eHhwVmtMS0VSSmxlaDAifQ.eyJhdWQiOlsiaHR0cHM6Ly9rdWJlcm5ldGVzLmRlZmF1bHQuc3ZjLmNsdXN0ZXIubG9jYWwiXSwiZXhwIjoxNzk2MzkwNDAwLCJpYXQiOjE3NjQ4NTQ0MDAsImlzcyI6Imh0dHBzOi8va3ViZXJuZXRlcy5kZWZhdWx0LnN2Yy5jbHVzdGVyLmxvY2FsIiwianRpIjoiOGFhZmY5MjUtM2Y4Mi00YTMyLTk0NzktZjIzMzQ1NGEwYjFkIiwia3ViZXJuZXRlcy5pbyI6eyJuYW1lc3BhY2UiOiJwYXltZW50cyIsInNlcnZpY2VhY2NvdW50Ijp7Im5hbWUiOiJsZWRnZXItc3luYyIsInVpZCI6IjYxODdhYzMwLWY4YWUtNGJjOC1hZDI4LWNhZmNlMTJlNDNkZCJ9fSwibmJmIjoxNzY0ODU0NDAwLCJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6cGF5bWVudHM6bGVkZ2VyLXN5bmMifQ.vboYgABYPajJQWf-Rf3h4qqC1-JEEQNIPg6qjAGLb_cUM0-fkJnDA56JHW_BKsb5A2g_uEnBEHNyncg-difKrBk2MLuj68z4XMmRVaWwhXodHnBWa4LfcPUj5n_NptN1KNJxWsDDjvfHXVAxtyq-g1RyA52rf6DgIeIjuGWl8V5Ycuf9oyKgk-d9TtnaSv1XYtHFP5FJ1b2PNXTh7Z3aZCHNqdNdhyaZH3b72xyBLYIVpmlz6MwoJE6pzwPUE3rqscZRXoC7-CbPDeMnaKjKr7Obhaxvzq4ZX7Ys8jp7SFmjzC9YA_W_YVjPmCzUMySRnWwfiyK79_gU7T7PgefyNA',
      'curl -k -H "Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Iiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9uYW1lc3BhY2UiOiJjaSIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VjcmV0Lm5hbWUiOiJkZXBsb3llci10b2tlbi14N2sycSIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VydmljZS1hY2NvdW50Lm5hbWUiOiJkZXBsb3llciIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VydmljZS1hY2NvdW50LnVpZCI6ImMzNzk5OGEyLWVlYjUtNDA1Yi04NWEwLTdjOGRmY2M3MmRiNyIsInN1YiI6InN5c3RlbTpzZXJ2aWNlYWNjb3VudDpjaTpkZXBsb3llciJ9.XoVd_qKaMmhXLHNiyi9qUVVASXqK0AWTjUTP0hUf0YaY29vM2Zy3YyiHyoxMnMD9Ty8b_kgkKmCteoxh0TusTJzepQB-ksTTfJLPcqTgzuxY8WaDVv6ahKmcCjMr0P2udilCvV-tAaK1miiiQjc3tr1hFkFVxFvhMzgzmqWXuOqy3148jIzcVWuktiC1dIHhRZG0SBzRGg2qFVM5uyJoNf_fIDUVNfcQdDvfjwS65uYGeVJOPCOq3eP3RP_rFcqfuTRQEI04fbkWBYRaX0DuABPD_GLx7ceyD4jL2z7U_jufS9oIjmgG2gep6rYrCWrhKksugEVep2nFGRuLlUgHsQ" https://10.0.0.1:6443/api/v1/namespaces',
    ],
    negative: [
      // Another issuer's RS256 JWT: not a service account.
      'ID_TOKEN=eyJhbGciOiJSUzI1NiIsImtpZCI6IlR2YVlGOW9ZVHVXXzM2M0s4WTNSaGNhamY5bmx1eHhwVmtMS0VSSmxlaDAifQ.eyJpc3MiOiJodHRwczovL2FjY291bnRzLmV4YW1wbGUtaWRwLmNvbSIsInN1YiI6InVzZXItNDgyMTMiLCJhdWQiOiJ3ZWIiLCJleHAiOjE3OTYzOTA0MDB9.H2dA7T7WC9EwK8ug8yuequVoOpvBOuJQvJuEkYC6_upPy-gvxuAgsjRX_mOxAso5nTU3r4ISm1WK2IcDVV3gOA_7C6a6w580QxllReL5ihHQNNvQF-4Q1_VWWe2LNmUA2eRFsxERUcMCZ8vrHXBVsxb-OHvCcBxvryLc4WyNJvXAYgiwyFi4OZzwPQ0FQ_lPF0tXtLg8gasTnURRxaXq-cdT5BgWvHisDZhKVYV9UWm2pm393HKdy55Y262-T_iJNpxQipo62uhGdDQmoN9LIi7sqlVBmtPWq5ZzVj7FtrRS27JhY4-PzEB_sHOFa0WZMejzzMdkDVuffCaqBWFwEw',
      'token: eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6Y2k6ZGVwbG95ZXIifQ',
      'token: eyJhbGciOiJSUzI1NiIsImtpZCI6...',
      'token: <service-account-token>',
    ],
  },
};

export const kubernetes: ProviderDefinition = { id: 'kubernetes', name: 'Kubernetes', rules: [serviceAccountToken] };
