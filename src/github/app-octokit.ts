// The octokit class the app's processes authenticate with: Probot's (throttling, retries, pagination,
// config), with leakstop's rule that a write which creates something is never repeated blindly by
// the client (write-retry.ts). Kept out of write-retry.ts so the CLI never loads Probot.
import { ProbotOctokit } from 'probot';
import { writeRetryPolicy } from './write-retry.js';

export const AppOctokit = ProbotOctokit.plugin(writeRetryPolicy);
