// A push scan job for octo-org/payments, as the webhook handler would queue it: shared by the
// queue tests so that they all exercise the same job shape.
import type { ScanJob } from '../../src/queue/jobs.js';

export const OWNER = 'octo-org';
export const REPO = 'payments';

export function pushJobOf(deliveryId: string, head: string, before: string): ScanJob {
  return {
    kind: 'push',
    deliveryId,
    installationId: 5,
    repository: { owner: OWNER, name: REPO, id: 9, defaultBranch: 'main', private: true },
    headSha: head,
    ref: 'refs/heads/main',
    before,
    createdBranch: false,
    commitShas: [head],
  };
}
