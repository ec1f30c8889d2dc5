// The scanned repository is hostile: its .git/config, hooks and .gitattributes must never make a
// git process that leakstop starts run a command. Every git call carries these overrides (command-
// line `-c` settings win over every config file) and a cleaned environment.
import path from 'node:path';

/**
 * Settings a repository's config could use to run a program, each pinned to a harmless value.
 * `credential.helper=` with an empty value resets the list of helpers, so a repository's helper is
 * never called (the app's clone passes its token as an http.extraheader through GIT_CONFIG_* env).
 * Filter drivers (filter.<x>.clean/smudge/process) cannot be reset by a wildcard: leakstop never runs
 * a command that applies them (no checkout, no `cat-file --filters`, no worktree diff).
 * uploadpack.packObjectsHook is only read from system/global/command-line config, never a repository's.
 */
export const EXECUTION_OVERRIDES: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'diff.external=',
  'core.sshCommand=ssh',
  'credential.helper=',
  'protocol.ext.allow=never',
  'core.pager=cat',
  'core.askPass=',
  'core.alternateRefsCommand=',
  'core.editor=false',
  'sequence.editor=false',
  'gpg.program=false',
  'gpg.ssh.program=false',
  'gpg.x509.program=false',
  'core.untrackedCache=false',
  'submodule.recurse=false',
];

/**
 * safe.directory: an empty value resets the list (an operator's `safe.directory=*` included), then
 * only the directory git runs in and the directories above it (where git discovers the repository
 * being scanned) are trusted. A repository owned by another user elsewhere stays untrusted.
 */
export function safeDirectoryOverrides(cwd: string): string[] {
  const settings = ['safe.directory='];
  let dir = path.resolve(cwd);
  for (;;) {
    settings.push(`safe.directory=${dir}`);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return settings;
}

/**
 * Inherited variables that would point git at another repository, work tree, object store or
 * config than the one being scanned, or swap history (replace refs). GIT_CONFIG_COUNT/KEY/VALUE are
 * kept: operators use them for proxies and CA bundles, and the app's clone for its credentials.
 * GIT_CONFIG_SYSTEM and GIT_CONFIG_GLOBAL are kept too: system/global config belongs to the operator
 * (proxies, CA bundles), and the overrides above win over it.
 */
const REDIRECTING_ENV = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_EXTERNAL_DIFF',
  'GIT_DIFF_OPTS',
  'GIT_PAGER',
  'GIT_EDITOR',
  'GIT_SEQUENCE_EDITOR',
  'GIT_ASKPASS',
  'SSH_ASKPASS',
  'GIT_SHALLOW_FILE',
  'GIT_REPLACE_REF_BASE',
  'GIT_GRAFT_FILE',
  'GIT_CONFIG',
  'GIT_CONFIG_PARAMETERS',
  'GIT_EXEC_PATH',
  'GIT_TRACE',
  'GIT_TRACE_PACKET',
  'GIT_TRACE_PERFORMANCE',
  'GIT_TRACE_SETUP',
  'GIT_TRACE2',
  'GIT_TRACE2_EVENT',
  'GIT_TRACE2_PERF',
];

/** The environment for a git process: ours minus redirecting variables, plus fixed safety ones. */
export function safeGitEnvironment(base: NodeJS.ProcessEnv, extra: Readonly<Record<string, string>> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of REDIRECTING_ENV) delete env[name];
  return {
    ...env,
    ...extra,
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_OPTIONAL_LOCKS: '0',
  };
}

/** The `-c` arguments for a git process run in `cwd`. */
export function safetyConfigArgs(cwd: string): string[] {
  return [...EXECUTION_OVERRIDES, ...safeDirectoryOverrides(cwd)].flatMap((setting) => ['-c', setting]);
}
