// The octokit a job works with: Probot's, authenticated as one installation of the app.
import type { ProbotOctokit } from 'probot';

/** Probot's installation-authenticated octokit: REST requests, the config plugin and `auth`. */
export type InstallationOctokit = ProbotOctokit;
