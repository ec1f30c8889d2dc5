// What a log line says about an error: its name, message and HTTP status, never the request or
// response it may carry (headers with tokens, bodies with a provider's words).

/** What to log about an error: its name, message and HTTP status, not its request or response. */
export function errorSummary(error: unknown): { name: string; message: string; status?: number } {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const status = 'status' in error && typeof error.status === 'number' ? error.status : undefined;
  return { name: error.name, message: error.message, ...(status === undefined ? {} : { status }) };
}
