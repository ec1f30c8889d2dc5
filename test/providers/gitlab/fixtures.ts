// What GitLab answers to GET /api/v4/personal_access_tokens/self for a live token, shared by the
// adapter tests and the end-to-end response test.
export const GITLAB_TOKEN_SELF = {
  id: 4242,
  name: 'deploy-bot',
  revoked: false,
  created_at: '2026-10-01T08:00:00.000Z',
  description: null,
  scopes: ['api', 'read_repository'],
  user_id: 77,
  last_used_at: '2026-11-23T11:50:12.000Z',
  active: true,
  expires_at: '2027-01-31',
};
