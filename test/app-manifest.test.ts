// app.yml is what an organisation registers: the least permissions that work, and the events the
// app handles (installation events are delivered to every app and may not be listed).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const manifest = parse(readFileSync(new URL('../app.yml', import.meta.url), 'utf8')) as {
  default_permissions: Record<string, string>;
  default_events: string[];
  hook_attributes: { url: string };
};

describe('app.yml', () => {
  it('asks for the least permissions that work', () => {
    expect(manifest.default_permissions).toEqual({ checks: 'write', contents: 'read', issues: 'write', pull_requests: 'read', metadata: 'read' });
  });

  it('subscribes to the events the app handles, and not to those GitHub always sends', () => {
    expect([...manifest.default_events].sort()).toEqual(['check_run', 'check_suite', 'issue_comment', 'pull_request', 'push']);
  });

  it('points the webhook at the path the server listens on', () => {
    expect(new URL(manifest.hook_attributes.url).pathname).toBe('/api/github/webhooks');
  });
});
