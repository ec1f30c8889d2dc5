// An error that lists every problem found at once (each bad variable, each bad key), so one run
// tells the operator everything to fix instead of one thing per restart.

export class ProblemsError extends Error {
  constructor(
    readonly problems: string[],
    heading: string,
    advice?: string,
  ) {
    super(`${heading}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}${advice === undefined ? '' : `\n${advice}`}`);
  }
}
