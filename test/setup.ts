// Shared test setup: no test may reach the network. Loopback stays open for the project's own
// servers (webhook server, fake GitHub, git http-backend); Redis speaks raw TCP, which nock does
// not touch. Re-applied before each test because some tests call nock.enableNetConnect() when done.
import nock from 'nock';
import { beforeEach } from 'vitest';

const LOOPBACK = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/;

function blockNetwork(): void {
  nock.disableNetConnect();
  nock.enableNetConnect(LOOPBACK);
}

blockNetwork();
beforeEach(blockNetwork);
