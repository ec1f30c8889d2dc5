// The repository config as the app reads it through Probot's config plugin: the repository's own
// file, the organisation's defaults from its `.github` repository, `_extends`, and every way a
// config can be wrong, which must leave the scan running on the defaults with the problem reported.
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/repo-config.js';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { loadRepoConfig } from '../../src/queue/load-repo-config.js';
import { initechRule } from '../detect/custom-rule-specs.js';

const API = 'https://api.github.com';
const FILE = '/contents/.github%2Fleakstop.yml';

function octokit(): InstanceType<typeof ProbotOctokit> {
  return new ProbotOctokit({ auth: { token: 'test' }, retry: { enabled: false }, throttle: { enabled: false } });
}

function yamlFile(scope: nock.Scope, repo: string, text: string): nock.Scope {
  return scope.get(`/repos/${repo}${FILE}`).reply(200, text, { 'content-type': 'text/plain; charset=utf-8' });
}

function noFile(scope: nock.Scope, repo: string): nock.Scope {
  return scope.get(`/repos/${repo}${FILE}`).reply(404, { message: 'Not Found' });
}

describe('loading .github/leakstop.yml', () => {
  let github: nock.Scope;

  beforeEach(() => {
    nock.disableNetConnect();
    github = nock(API);
  });
  afterEach(() => {
    expect(github.pendingMocks()).toEqual([]);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("reads the repository's own file", async () => {
    yamlFile(github, 'octo-org/payments', 'paths:\n  ignore: ["vendor/**"]\nrules:\n  disable: [generic-secret]\n');
    const { config, configProblem } = await loadRepoConfig(octokit(), 'octo-org', 'payments');
    expect(configProblem).toBeUndefined();
    expect(config.paths.ignore).toEqual(['vendor/**']);
    expect(config.rules.disable).toEqual(['generic-secret']);
  });

  it("falls back to the organisation's defaults in its .github repository", async () => {
    noFile(github, 'octo-org/payments');
    yamlFile(github, 'octo-org/.github', 'incidents:\n  repository: octo-org/security\n  labels: [security]\n');
    const { config } = await loadRepoConfig(octokit(), 'octo-org', 'payments');
    expect(config.incidents).toEqual({ repository: 'octo-org/security', assignees: [], labels: ['security'] });
  });

  it('follows _extends, the repository overriding what it extends', async () => {
    yamlFile(github, 'octo-org/payments', '_extends: policies\nscan:\n  maxFileBytes: 1000\n');
    yamlFile(github, 'octo-org/policies', 'scan:\n  maxFileBytes: 5000\nrules:\n  disable: [github-pat-classic]\n');
    const { config, configProblem } = await loadRepoConfig(octokit(), 'octo-org', 'payments');
    expect(configProblem).toBeUndefined();
    expect(config.scan.maxFileBytes).toBe(1000);
    expect(config.rules.disable).toEqual(['github-pat-classic']);
  });

  it('reports an unknown key and scans with the defaults', async () => {
    yamlFile(github, 'octo-org/payments', 'rules:\n  disable: [generic-secret]\nallowlist: [everything]\n');
    const { config, configProblem } = await loadRepoConfig(octokit(), 'octo-org', 'payments');
    expect(config).toEqual(defaultConfig());
    expect(configProblem).toMatch(/\.github\/leakstop\.yml is not a valid leakstop config:\n {2}- unknown key 'allowlist'/);
  });

  it("refuses rules.disable naming an operator's custom rule, and scans with the defaults (the operator's rule on)", async () => {
    yamlFile(github, 'octo-org/payments', 'rules:\n  disable: [initech-client-secret, der-private-key]\n');
    const { config, configProblem } = await loadRepoConfig(octokit(), 'octo-org', 'payments', [initechRule]);
    expect(config).toEqual(defaultConfig());
    expect(configProblem).toContain("rules.disable.0: 'initech-client-secret' is an organisation-wide custom rule set by the operator (LEAKSTOP_CUSTOM_RULES), which a repository cannot disable");
    expect(configProblem).not.toContain('der-private-key');
  });

  it('reports YAML that does not parse, with the parser\'s reason', async () => {
    yamlFile(github, 'octo-org/payments', 'rules: [unclosed\n');
    const { config, configProblem } = await loadRepoConfig(octokit(), 'octo-org', 'payments');
    expect(config).toEqual(defaultConfig());
    expect(configProblem).toMatch(/could not be read: Configuration could not be parsed from .* \(invalid YAML\): .+\. The scan ran with the default settings\./);
  });

  it('quotes no token from a file the parser refuses or the schema refuses', async () => {
    const token = generateGithubStyleToken('ghp_');
    yamlFile(github, 'octo-org/payments', `paths:\n  ignore: *${token}\n`);
    const unresolved = await loadRepoConfig(octokit(), 'octo-org', 'payments');
    expect(unresolved.configProblem).toMatch(/could not be read/);
    expect(unresolved.configProblem).not.toContain(token.slice(4, 36));

    yamlFile(github, 'octo-org/payments', `rules:\n  disable: [generic-secret]\n${token}: true\n`);
    const unknownKey = await loadRepoConfig(octokit(), 'octo-org', 'payments');
    expect(unknownKey.configProblem).toMatch(/unknown key/);
    expect(unknownKey.configProblem).not.toContain(token.slice(4, 36));
  });

  it('refuses a central incident repository of another owner', async () => {
    yamlFile(github, 'octo-org/payments', 'incidents:\n  repository: evil-corp/inbox\n');
    const { config, configProblem } = await loadRepoConfig(octokit(), 'octo-org', 'payments');
    expect(config.incidents.repository).toBeUndefined();
    expect(configProblem).toMatch(/incidents\.repository: must be a repository of octo-org/);
  });

  it('leaves GitHub errors to the job to retry', async () => {
    github.get(`/repos/octo-org/payments${FILE}`).reply(502, { message: 'Bad Gateway' });
    await expect(loadRepoConfig(octokit(), 'octo-org', 'payments')).rejects.toMatchObject({ status: 502 });
  });
});
