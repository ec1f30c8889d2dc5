// A git smart-HTTP server on 127.0.0.1 for tests: `git http-backend` behind a Node HTTP server that
// demands one Authorization header, records every request, and can be told to fail the next ones.
// It shows what a clone really sends: which URLs, and whether each request carried the credential.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ISOLATED_GIT_ENV } from './helpers.js';

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
}

export interface GitHttpServer {
  /** The clone URL of a repository directory under the served root. */
  url(name: string): string;
  readonly requests: RecordedRequest[];
  /** The next `count` requests get this status and no body, as an overloaded GitHub would answer. */
  failNext(status: number, count?: number): void;
  /** Forgets recorded requests and pending failures, between tests. */
  reset(): void;
  close(): Promise<void>;
}

export async function startGitHttpServer(root: string, expectedAuthorization: string): Promise<GitHttpServer> {
  const requests: RecordedRequest[] = [];
  const failures: number[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    const failure = failures.shift();
    if (failure !== undefined) return void res.writeHead(failure).end();
    if (req.headers.authorization !== expectedAuthorization) {
      return void res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test"' }).end();
    }
    serveWithHttpBackend(root, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    requests,
    failNext: (status, count = 1) => failures.push(...Array.from({ length: count }, () => status)),
    reset: () => {
      requests.length = 0;
      failures.length = 0;
    },
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Runs git http-backend as the CGI program it is: request in environment and stdin, response on stdout. */
function serveWithHttpBackend(root: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const child = spawn('git', ['http-backend'], {
    env: {
      ...process.env,
      ...ISOLATED_GIT_ENV,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
      HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
      GIT_PROTOCOL: headerValue(req.headers['git-protocol']),
      REMOTE_ADDR: '127.0.0.1',
    },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  req.pipe(child.stdin);
  let head = Buffer.alloc(0);
  let headersSent = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) return void res.write(chunk);
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end === -1) return;
    headersSent = true;
    writeCgiHeaders(res, head.subarray(0, end).toString('latin1'));
    res.write(head.subarray(end + 4));
  });
  child.on('close', () => {
    if (!headersSent) res.writeHead(500);
    res.end();
  });
}

function writeCgiHeaders(res: ServerResponse, block: string): void {
  let status = 200;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
    else res.setHeader(name, value);
  }
  res.writeHead(status);
}

function headerValue(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}
