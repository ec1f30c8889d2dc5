// Docker config auths: each registry's `auth` decoded to user:password, reported with the registry's
// host (safe to show) and never the decoded password.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { dockerConfig } from '../../../src/providers/docker-config/rules.js';

const engine = createEngine({ providers: [dockerConfig] });
const auth = (userPassword: string): string => Buffer.from(userPassword).toString('base64');

describe('docker-config-auth rule', () => {
  it('reports every registry of a config, each with its host', () => {
    const config = JSON.stringify(
      {
        auths: {
          'https://index.docker.io/v1/': { auth: auth('acme-ci:Xk9mQ2vLz7RtW4pB') },
          'ghcr.io': { auth: auth('acme-bot:Tq2Lm8vRz4XkW9pN') },
        },
      },
      null,
      2,
    );
    const findings = engine.scanText(config).findings;
    expect(findings.map((f) => f.details)).toEqual([{ dockerRegistry: 'index.docker.io' }, { dockerRegistry: 'ghcr.io' }]);
    expect(findings.map((f) => f.secret.reveal())).toEqual([auth('acme-ci:Xk9mQ2vLz7RtW4pB'), auth('acme-bot:Tq2Lm8vRz4XkW9pN')]);
  });

  it('reports an ECR login, whose password is a token of some 1,600 characters', () => {
    const ecr = auth(`AWS:${randomBytes(1200).toString('base64')}`);
    const config = `{"auths":{"123456789012.dkr.ecr.eu-west-1.amazonaws.com":{"auth":"${ecr}"}}}`;
    expect(engine.scanText(config).findings.map((f) => f.details)).toEqual([{ dockerRegistry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com' }]);
  });

  it('ignores an auth value outside a JSON object and one that is not base64 of text', () => {
    expect(engine.scanText(`"auth": "${auth('acme-ci:Xk9mQ2vLz7RtW4pB')}"`).findings).toEqual([]);
    expect(engine.scanText(`{"auths":{"ghcr.io":{"auth":"${randomBytes(24).toString('base64')}"}}}`).findings).toEqual([]);
  });
});
