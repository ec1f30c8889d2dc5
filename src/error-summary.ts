// What a log line says about an error, by allow-list: its name, message and HTTP status, the
// delivery it belongs to (id and event name) and a summary of the errors it wraps. Never the
// request or response it may carry (headers with tokens, bodies with a provider's words), nor the
// webhook event @octokit/webhooks attaches (the whole payload, commit messages included).

export interface ErrorSummary {
  name: string;
  message: string;
  status?: number;
  /** X-GitHub-Delivery of the webhook event the error carries. */
  deliveryId?: string;
  /** Its X-GitHub-Event. */
  event?: string;
  /** The first errors an AggregateError wraps, summarised the same way. */
  errors?: ErrorSummary[];
}

/** Longer messages are cut: an error message must not carry a payload into the log. */
const MAX_MESSAGE_LENGTH = 1000;
const MAX_WRAPPED_ERRORS = 5;
const MAX_DEPTH = 2;

/** What to log about an error (also pino's serializer for `err`, so every logged error goes through it). */
export function errorSummary(error: unknown): ErrorSummary {
  return summarise(error, 0);
}

function summarise(error: unknown, depth: number): ErrorSummary {
  if (typeof error !== 'object' || error === null) return { name: 'Error', message: cut(String(error)) };
  const fields = error as Record<string, unknown>;
  const name = typeof fields.name === 'string' ? fields.name : 'Error';
  const message = typeof fields.message === 'string' ? cut(fields.message) : '';
  const summary: ErrorSummary = { name, message };
  if (typeof fields.status === 'number') summary.status = fields.status;
  const deliveryId = typeof fields.deliveryId === 'string' ? fields.deliveryId : stringField(fields.event, 'id');
  const event = typeof fields.event === 'string' ? fields.event : stringField(fields.event, 'name');
  if (deliveryId !== undefined) summary.deliveryId = cut(deliveryId);
  if (event !== undefined) summary.event = cut(event);
  const wrapped = error instanceof AggregateError ? (error.errors as unknown[]) : Array.isArray(fields.errors) ? (fields.errors as unknown[]) : undefined;
  if (wrapped !== undefined && wrapped.length > 0 && depth < MAX_DEPTH) {
    summary.errors = wrapped.slice(0, MAX_WRAPPED_ERRORS).map((inner) => summarise(inner, depth + 1));
  }
  return summary;
}

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

function cut(text: string): string {
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}… (${text.length} characters)` : text;
}
