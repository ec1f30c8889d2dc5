// What leakstop can do about a leaked AWS access key, through the AWS SDK v3 clients (never
// hand-rolled signing): verify it, deactivate and quarantine it, issue a replacement, and report
// what it can reach and what it touched. Calls that manage the key use the OPERATOR's credentials
// for the account the key id encodes (LEAKSTOP_AWS_OPERATORS), and fall back to the leaked key
// itself where that can work (a key may deactivate itself).
//
// APIs and limits (docs.aws.amazon.com):
// - STS GetCallerIdentity: needs no permission and cannot be denied; STS quota 600 requests/s per
//   account and region. AssumeRole (operator roles): 15-minute sessions here.
// - IAM GetAccessKeyLastUsed, UpdateAccessKey (Status=Inactive: reversible), AttachUserPolicy,
//   CreateAccessKey (at most 2 keys per user: LimitExceeded otherwise), ListAttachedUserPolicies,
//   ListUserPolicies, ListGroupsForUser. IAM is global (us-east-1) and throttles mutating calls
//   per account (Throttling, HTTP 400): retryable.
// - Quarantine: the AWS managed policy AWSCompromisedKeyQuarantineV4 (created 2026-11-06; V3 and V2
//   before it), which AWS itself attaches to exposed keys: it denies creating users, keys, roles,
//   instances, Lambda functions and more. Tried newest first; an operator may pin another ARN.
// - CloudTrail LookupEvents with AttributeKey=AccessKeyId: management events of the last 90 days,
//   per region, 50 per page, 2 requests per second per account and region.
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  IAMClient,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListUserPoliciesCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { CloudTrailClient, LookupEventsCommand, type Event as CloudTrailEvent } from '@aws-sdk/client-cloudtrail';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { awsAccountIdFromKeyId } from '../../detect/checksum.js';
import { Secret } from '../../detect/secret.js';
import type { Access, ActivitySummary, Credential, Identity, Outcome, ProviderAdapter, AdapterContext, Revocation, Rotation } from '../contract.js';
import { AwsSettingsError, parseAwsSettings, type AwsSettings } from './settings.js';

const MANUAL_URL = 'https://console.aws.amazon.com/iam/home#/users';
const SESSIONS_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html';
const ACTIVITY_DAYS = 30;
const EVENTS_PER_PAGE = 50;
const PAGES_PER_REGION = 4;
const EVENTS_SHOWN = 20;
const OPERATOR_SESSION_SECONDS = 900;

// --- Credentials and clients -----------------------------------------------------------------------------

type AwsCredentials = NonNullable<STSClientConfig['credentials']>;
/** What every client here is built from: the settings IAM, STS and CloudTrail share. */
interface CommonClientConfig {
  region: string;
  credentials: AwsCredentials;
  maxAttempts: number;
  endpoint?: string;
}
interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const credentialsFileSchema = z.object({ accessKeyId: z.string().min(16), secretAccessKey: z.string().min(16), sessionToken: z.string().optional() });

export interface AwsAdapterOptions {
  /** Defaults to LEAKSTOP_AWS_* of process.env, read on first use. */
  settings?: AwsSettings;
  /** Where operator access keys named by *Env are read from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Credentials that assume operator roles; defaults to the SDK's chain (instance role...). */
  baseCredentials?: AwsCredentials;
}

/** The leaked pair, when both halves are known; the key id alone is not a credential. */
interface LeakedKey {
  accessKeyId: string;
  accountId?: string;
  /** The secret access key, when it leaked too. */
  secret?: Secret;
  /** The session token of a temporary (ASIA) pair, when it leaked with it. */
  sessionToken?: Secret;
}

/** Which credentials act, and whose they are: the summary says which one was used. */
interface Actor {
  credentials: AwsCredentials;
  kind: 'operator' | 'leaked key';
}

class AwsCallError extends Error {
  constructor(readonly outcome: Extract<Outcome<never>, { status: 'failed' | 'not-live' | 'unsupported' }>) {
    super(outcome.summary);
  }
}

const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'TooManyRequestsException', 'RequestThrottled', 'SlowDown']);
/** Errors that mean the leaked key does not authenticate (deleted, deactivated, or the pair does not match). */
const NOT_LIVE = new Set(['InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidAccessKeyId', 'UnrecognizedClientException']);

function errorCode(error: unknown): { code: string; status?: number } {
  const code = error instanceof Error ? error.name : 'UnknownError';
  const metadata = typeof error === 'object' && error !== null && '$metadata' in error ? (error as { $metadata?: { httpStatusCode?: number } }).$metadata : undefined;
  return metadata?.httpStatusCode === undefined ? { code } : { code, status: metadata.httpStatusCode };
}

/** An SDK error as an Outcome: the error's name and status only, never its message. */
function sdkFailure(what: string, error: unknown, leakedKeyActs: boolean): AwsCallError {
  if (error instanceof AwsCallError) return error;
  if (error instanceof AwsSettingsError) return new AwsCallError({ status: 'failed', retryable: false, summary: error.message });
  const { code, status } = errorCode(error);
  if (leakedKeyActs && NOT_LIVE.has(code)) return new AwsCallError({ status: 'not-live', summary: `${what}: AWS does not accept the leaked key (${code})` });
  const retryable = THROTTLING.has(code) || (status !== undefined && status >= 500) || code === 'TimeoutError';
  const reason = THROTTLING.has(code) ? 'rate limited' : code;
  return new AwsCallError({ status: 'failed', retryable, summary: `${what} failed: ${reason}${status === undefined ? '' : ` (HTTP ${status})`}` });
}

/** An expected failure as its Outcome; a misconfigured LEAKSTOP_AWS_* says which variable, once per call. */
function caught(error: unknown): Outcome<never> {
  if (error instanceof AwsCallError) return error.outcome;
  if (error instanceof AwsSettingsError) return { status: 'failed', retryable: false, summary: error.message };
  throw error;
}

function leakedKey(credential: Credential): LeakedKey | undefined {
  const related = credential.related?.['accessKeyId']?.reveal();
  const keyIdOnly = credential.ruleId === 'aws-access-key-id';
  const accessKeyId = related ?? (keyIdOnly ? credential.secret.reveal() : undefined);
  if (accessKeyId === undefined) return undefined;
  const accountId = awsAccountIdFromKeyId(accessKeyId) ?? credential.details['awsAccountId'];
  const sessionToken = credential.related?.['sessionToken'];
  return {
    accessKeyId,
    ...(accountId === undefined ? {} : { accountId }),
    ...(keyIdOnly ? {} : { secret: credential.secret }),
    ...(sessionToken === undefined ? {} : { sessionToken }),
  };
}

function leakedCredentials(key: LeakedKey): AwsCredentials | undefined {
  if (key.secret === undefined) return undefined;
  const credentials = { accessKeyId: key.accessKeyId, secretAccessKey: key.secret.reveal() };
  return key.sessionToken === undefined ? credentials : { ...credentials, sessionToken: key.sessionToken.reveal() };
}

/** IAM user name from a GetCallerIdentity ARN (arn:aws:iam::123:user/path/name); undefined for roles and root. */
export function userNameFromArn(arn: string): string | undefined {
  const match = /^arn:aws[a-z-]{0,20}:iam::[0-9]{12}:user\/(?:[\w+=,.@-]{1,64}\/){0,16}([\w+=,.@-]{1,64})$/.exec(arn);
  return match?.[1];
}

function principalType(arn: string): string {
  if (/:root$/.test(arn)) return 'AWS account root user';
  if (/:assumed-role\//.test(arn)) return 'assumed role session';
  if (/:federated-user\//.test(arn)) return 'federated user';
  return 'IAM user';
}

export function createAwsAdapter(options: AwsAdapterOptions = {}): ProviderAdapter {
  let loaded = options.settings;
  const settings = (): AwsSettings => (loaded ??= parseAwsSettings(process.env));
  const env = (): NodeJS.ProcessEnv => options.env ?? process.env;

  function clientConfig(credentials: AwsCredentials, region: string, endpoint: string | undefined): CommonClientConfig {
    return { region, credentials, maxAttempts: settings().maxAttempts, ...(endpoint === undefined ? {} : { endpoint }) };
  }
  const homeRegion = (): string => settings().regions[0] ?? 'us-east-1';
  const sts = (credentials: AwsCredentials): STSClient => new STSClient(clientConfig(credentials, homeRegion(), settings().endpoints.sts));
  // IAM is a global service signed for us-east-1 whatever the operator's regions.
  const iam = (credentials: AwsCredentials): IAMClient => new IAMClient(clientConfig(credentials, 'us-east-1', settings().endpoints.iam));
  const cloudtrail = (credentials: AwsCredentials, region: string): CloudTrailClient =>
    new CloudTrailClient(clientConfig(credentials, region, settings().endpoints.cloudtrail?.replaceAll('{region}', region)));

  /** The operator's credentials for the key's account, or undefined when none are configured. */
  async function operatorCredentials(key: LeakedKey): Promise<AwsCredentials | undefined> {
    const operator = key.accountId === undefined ? undefined : settings().operators[key.accountId];
    if (operator === undefined) return undefined;
    if ('roleArn' in operator) return assumeOperatorRole(operator.roleArn, operator.externalId);
    if ('credentialsFile' in operator) return readCredentialsFile(operator.credentialsFile);
    const accessKeyId = env()[operator.accessKeyIdEnv];
    const secretAccessKey = env()[operator.secretAccessKeyEnv];
    if (!accessKeyId || !secretAccessKey) {
      throw new AwsCallError({ status: 'failed', retryable: false, summary: `the operator key for account ${key.accountId ?? '?'} is missing: set ${operator.accessKeyIdEnv} and ${operator.secretAccessKeyEnv}` });
    }
    return { accessKeyId, secretAccessKey };
  }

  async function assumeOperatorRole(roleArn: string, externalId: string | undefined): Promise<AwsCredentials> {
    const client = new STSClient({
      region: homeRegion(),
      maxAttempts: settings().maxAttempts,
      ...(settings().endpoints.sts === undefined ? {} : { endpoint: settings().endpoints.sts }),
      ...(options.baseCredentials === undefined ? {} : { credentials: options.baseCredentials }),
    });
    try {
      const result = await client.send(
        new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'leakstop-response', DurationSeconds: OPERATOR_SESSION_SECONDS, ...(externalId === undefined ? {} : { ExternalId: externalId }) }),
      );
      const c = result.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new AwsCallError({ status: 'failed', retryable: true, summary: `AssumeRole ${roleArn} returned no credentials` });
      return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken === undefined ? {} : { sessionToken: c.SessionToken }) };
    } catch (error) {
      throw sdkFailure(`assuming the operator role ${roleArn}`, error, false);
    }
  }

  function readCredentialsFile(path: string): StaticCredentials {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new AwsCallError({ status: 'failed', retryable: false, summary: `the operator credentials file ${path} cannot be read as JSON` });
    }
    const parsed = credentialsFileSchema.safeParse(json);
    if (!parsed.success) throw new AwsCallError({ status: 'failed', retryable: false, summary: `the operator credentials file ${path} needs accessKeyId and secretAccessKey` });
    return parsed.data;
  }

  /** Operator credentials when configured, else the leaked key (when its secret leaked too). */
  async function actor(key: LeakedKey): Promise<Actor | undefined> {
    const operator = await operatorCredentials(key);
    if (operator !== undefined) return { credentials: operator, kind: 'operator' };
    const leaked = leakedCredentials(key);
    return leaked === undefined ? undefined : { credentials: leaked, kind: 'leaked key' };
  }

  async function callerIdentity(credentials: AwsCredentials): Promise<{ arn: string; account: string }> {
    try {
      const result = await sts(credentials).send(new GetCallerIdentityCommand({}));
      if (result.Arn === undefined || result.Account === undefined) throw new AwsCallError({ status: 'failed', retryable: true, summary: 'GetCallerIdentity returned no ARN' });
      return { arn: result.Arn, account: result.Account };
    } catch (error) {
      throw sdkFailure('STS GetCallerIdentity', error, true);
    }
  }

  /** The IAM user owning the key: asked of IAM with operator credentials, or of STS with the leaked key. */
  async function ownerOf(key: LeakedKey, who: Actor): Promise<{ userName?: string; lastUsed?: { date?: Date; service?: string; region?: string } }> {
    if (who.kind === 'leaked key') {
      const { arn } = await callerIdentity(who.credentials);
      const userName = userNameFromArn(arn);
      return userName === undefined ? {} : { userName };
    }
    try {
      const result = await iam(who.credentials).send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.accessKeyId }));
      const used = result.AccessKeyLastUsed;
      const lastUsed = {
        ...(used?.LastUsedDate === undefined ? {} : { date: used.LastUsedDate }),
        ...(used?.ServiceName === undefined || used.ServiceName === 'N/A' ? {} : { service: used.ServiceName }),
        ...(used?.Region === undefined || used.Region === 'N/A' ? {} : { region: used.Region }),
      };
      return { ...(result.UserName === undefined ? {} : { userName: result.UserName }), lastUsed };
    } catch (error) {
      const { code } = errorCode(error);
      if (code === 'NoSuchEntity' || code === 'NoSuchEntityException') throw new AwsCallError({ status: 'not-live', summary: `IAM has no access key ${key.accessKeyId}: it was deleted` });
      throw sdkFailure('IAM GetAccessKeyLastUsed', error, false);
    }
  }

  /** Runs `body` with the key and whoever may act on it, turning every AwsCallError into its Outcome. */
  async function withKey<T>(credential: Credential, what: string, body: (key: LeakedKey, who: Actor) => Promise<Outcome<T>>): Promise<Outcome<T>> {
    const key = leakedKey(credential);
    if (key === undefined) return { status: 'unsupported', summary: `${what} needs the access key id, which was not found next to this secret`, manualUrl: MANUAL_URL };
    try {
      const who = await actor(key);
      if (who === undefined) {
        return { status: 'unsupported', summary: `${what}: no operator credentials for account ${key.accountId ?? '(not encoded in the key id)'} and the secret key did not leak with the id`, manualUrl: MANUAL_URL };
      }
      return await body(key, who);
    } catch (error) {
      return caught(error);
    }
  }

  async function verify(credential: Credential): Promise<Outcome<Identity>> {
    const key = leakedKey(credential);
    const leaked = key === undefined ? undefined : leakedCredentials(key);
    if (leaked === undefined) return { status: 'unsupported', summary: 'an AWS key is verified with both its id and its secret; only one of them leaked here', manualUrl: MANUAL_URL };
    try {
      const { arn, account } = await callerIdentity(leaked);
      return { status: 'done', data: { account: arn, owner: account, type: principalType(arn) }, summary: `live: the key signs as ${arn}` };
    } catch (error) {
      return caught(error);
    }
  }

  async function revoke(credential: Credential): Promise<Outcome<Revocation>> {
    return withKey(credential, 'deactivating the key', async (key, who) => {
      if (key.accessKeyId.startsWith('ASIA')) {
        return { status: 'unsupported', summary: 'temporary (ASIA) keys cannot be deactivated: revoke the role\'s active sessions instead', manualUrl: SESSIONS_URL };
      }
      const { userName } = await ownerOf(key, who);
      if (userName === undefined || userName === 'root') {
        return { status: 'unsupported', summary: 'the key belongs to the account root user or a role, which IAM cannot deactivate for you', manualUrl: 'https://console.aws.amazon.com/iam/home#/security_credentials' };
      }
      const client = iam(who.credentials);
      try {
        await client.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: key.accessKeyId, Status: 'Inactive' }));
      } catch (error) {
        throw sdkFailure('IAM UpdateAccessKey', error, who.kind === 'leaked key');
      }
      const deactivated = `deactivated ${key.accessKeyId} of IAM user ${userName} (reversible: set it Active again)`;
      if (who.kind === 'leaked key') {
        // An inactive key cannot sign the AttachUserPolicy call; and quarantined first, it could not deactivate itself.
        return { status: 'done', data: { reversible: true }, summary: `${deactivated}, using the leaked key itself: no operator credentials for account ${key.accountId ?? '?'}, so no quarantine policy was attached` };
      }
      const quarantine = await attachQuarantine(client, userName);
      return { status: 'done', data: { reversible: true }, summary: `${deactivated}; ${quarantine}` };
    });
  }

  /** Attaches the newest quarantine policy this partition has; a failure here does not undo the deactivation. */
  async function attachQuarantine(client: IAMClient, userName: string): Promise<string> {
    let lastCode = 'no policy configured';
    for (const policyArn of settings().quarantinePolicyArns) {
      try {
        await client.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: policyArn }));
        return `attached ${policyArn.slice(policyArn.lastIndexOf('/') + 1)} to ${userName}`;
      } catch (error) {
        lastCode = errorCode(error).code;
        if (lastCode !== 'NoSuchEntity' && lastCode !== 'NoSuchEntityException') break;
      }
    }
    return `the quarantine policy could not be attached (${lastCode}): attach AWSCompromisedKeyQuarantineV4 to ${userName} by hand`;
  }

  async function rotate(credential: Credential): Promise<Outcome<Rotation>> {
    return withKey(credential, 'issuing a replacement key', async (key, who) => {
      if (who.kind !== 'operator') {
        return { status: 'unsupported', summary: `no operator credentials for account ${key.accountId ?? '?'}: the leaked key is deactivated first, so it cannot create its own replacement`, manualUrl: MANUAL_URL };
      }
      const { userName } = await ownerOf(key, who);
      if (userName === undefined || userName === 'root') return { status: 'unsupported', summary: 'only IAM users\' keys can be replaced through IAM', manualUrl: MANUAL_URL };
      try {
        const result = await iam(who.credentials).send(new CreateAccessKeyCommand({ UserName: userName }));
        const created = result.AccessKey;
        if (!created?.AccessKeyId || !created.SecretAccessKey) return { status: 'failed', retryable: false, summary: 'IAM CreateAccessKey returned no key' };
        return {
          status: 'done',
          data: { replacement: new Secret(created.SecretAccessKey), consumerHint: `AWS_ACCESS_KEY_ID=${created.AccessKeyId} (IAM user ${userName}); the secret key is in the rotation sink` },
          summary: `created access key ${created.AccessKeyId} for IAM user ${userName}`,
        };
      } catch (error) {
        if (['LimitExceeded', 'LimitExceededException'].includes(errorCode(error).code)) {
          return { status: 'failed', retryable: false, summary: `IAM user ${userName} already has two access keys: delete the leaked (now inactive) one, then rotate again` };
        }
        throw sdkFailure('IAM CreateAccessKey', error, false);
      }
    });
  }

  async function describe(credential: Credential): Promise<Outcome<Access>> {
    return withKey(credential, 'listing the key\'s permissions', async (key, who) => {
      const { userName } = await ownerOf(key, who);
      if (userName === undefined) return { status: 'unsupported', summary: 'the key is not an IAM user\'s, so it has no user policies to list', manualUrl: MANUAL_URL };
      if (userName === 'root') return { status: 'done', data: { scopes: ['root: everything in the account'], notes: ['root user keys cannot be limited by IAM policies'] }, summary: 'the key is the account root user\'s: it can do everything' };
      const client = iam(who.credentials);
      try {
        const [attached, inline, groups] = await Promise.all([
          client.send(new ListAttachedUserPoliciesCommand({ UserName: userName, MaxItems: 100 })),
          client.send(new ListUserPoliciesCommand({ UserName: userName, MaxItems: 100 })),
          client.send(new ListGroupsForUserCommand({ UserName: userName, MaxItems: 100 })),
        ]);
        const scopes = [
          ...(attached.AttachedPolicies ?? []).map((p) => `managed:${p.PolicyName ?? p.PolicyArn ?? '?'}`),
          ...(inline.PolicyNames ?? []).map((name) => `inline:${name}`),
        ];
        const notes: string[] = [];
        const groupNames = (groups.Groups ?? []).map((g) => g.GroupName ?? '?');
        if (groupNames.length > 0) notes.push(`also has the policies of its groups: ${groupNames.join(', ')}`);
        if (scopes.includes('managed:AdministratorAccess')) notes.push('AdministratorAccess: the key can do anything in the account');
        if (attached.IsTruncated || inline.IsTruncated || groups.IsTruncated) notes.push('more than 100 policies or groups: the list is cut');
        return { status: 'done', data: { scopes, notes }, summary: `IAM user ${userName}: ${scopes.length} policies, ${groupNames.length} groups` };
      } catch (error) {
        throw sdkFailure('listing the IAM user\'s policies', error, who.kind === 'leaked key');
      }
    });
  }

  async function activity(credential: Credential, ctx: AdapterContext): Promise<Outcome<ActivitySummary>> {
    return withKey(credential, 'reading the key\'s activity', async (key, who) => {
      const notes: string[] = [];
      let lastUsedAt: string | undefined;
      if (who.kind === 'operator') {
        const { lastUsed } = await ownerOf(key, who);
        if (lastUsed?.date !== undefined) {
          lastUsedAt = lastUsed.date.toISOString();
          notes.push(`last used ${lastUsedAt} with ${lastUsed.service ?? 'an unknown service'} in ${lastUsed.region ?? 'an unknown region'}`);
        } else notes.push('IAM reports no use of this key');
      }
      const events: CloudTrailEvent[] = [];
      for (const region of settings().regions) {
        const found = await lookupEvents(who, key.accessKeyId, region, ctx.now());
        events.push(...found.events);
        notes.push(summariseRegion(region, found.events, found.truncated));
      }
      const sorted = events.filter((e) => e.EventTime !== undefined).sort((a, b) => (b.EventTime?.getTime() ?? 0) - (a.EventTime?.getTime() ?? 0));
      const counts = countByName(sorted);
      if (counts !== '') notes.push(`events by name: ${counts}`);
      lastUsedAt ??= sorted[0]?.EventTime?.toISOString();
      const data: ActivitySummary = {
        events: sorted.slice(0, EVENTS_SHOWN).map((e) => ({ time: e.EventTime?.toISOString() ?? '', action: e.EventName ?? 'unknown', source: e.EventSource ?? 'unknown' })),
        notes,
        ...(lastUsedAt === undefined ? {} : { lastUsedAt }),
      };
      return { status: 'done', data, summary: `${sorted.length} CloudTrail events in ${settings().regions.length} regions over ${ACTIVITY_DAYS} days` };
    });
  }

  async function lookupEvents(who: Actor, accessKeyId: string, region: string, now: Date): Promise<{ events: CloudTrailEvent[]; truncated: boolean }> {
    const client = cloudtrail(who.credentials, region);
    const events: CloudTrailEvent[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < PAGES_PER_REGION; page++) {
      try {
        const result = await client.send(
          new LookupEventsCommand({
            LookupAttributes: [{ AttributeKey: 'AccessKeyId', AttributeValue: accessKeyId }],
            StartTime: new Date(now.getTime() - ACTIVITY_DAYS * 86_400_000),
            EndTime: now,
            MaxResults: EVENTS_PER_PAGE,
            ...(nextToken === undefined ? {} : { NextToken: nextToken }),
          }),
        );
        events.push(...(result.Events ?? []));
        nextToken = result.NextToken;
      } catch (error) {
        throw sdkFailure(`CloudTrail LookupEvents in ${region}`, error, who.kind === 'leaked key');
      }
      if (nextToken === undefined) return { events, truncated: false };
    }
    return { events, truncated: true };
  }

  return { provider: 'aws', verify, revoke, rotate, describe, activity, manualRevokeUrl: MANUAL_URL };
}

function summariseRegion(region: string, events: readonly CloudTrailEvent[], truncated: boolean): string {
  const times = events.map((e) => e.EventTime?.getTime()).filter((t): t is number => t !== undefined);
  if (times.length === 0) return `${region}: no CloudTrail events`;
  const first = new Date(Math.min(...times)).toISOString();
  const last = new Date(Math.max(...times)).toISOString();
  return `${region}: ${events.length}${truncated ? '+' : ''} events from ${first} to ${last}`;
}

/** "ListBuckets ×12, GetObject ×3", most frequent first. */
function countByName(events: readonly CloudTrailEvent[]): string {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.EventName ?? 'unknown', (counts.get(event.EventName ?? 'unknown') ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, count]) => `${name} ×${count}`)
    .join(', ');
}

/** The adapter the registry uses: settings from LEAKSTOP_AWS_* of the environment. */
