/** What a verified request to /slack/events is. */
export type SlackInbound =
  | { kind: 'ssl_check' }
  | { kind: 'url_verification'; challenge: string }
  /** An event callback (JSON), a slash command (form fields) or an interaction (the form's `payload`). */
  | { kind: 'dispatch'; body: Record<string, unknown> };

export class SlackBodyError extends Error {}

/**
 * Parses the raw body Slack signed: Events API requests are JSON; slash commands are form
 * fields; interactivity is a form with one `payload` field holding JSON.
 */
export function parseSlackBody(rawBody: string, contentType: string | undefined): SlackInbound {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    const body = parseJsonObject(rawBody, 'the body');
    if (body.type === 'url_verification') {
      if (typeof body.challenge !== 'string') throw new SlackBodyError('url_verification without a challenge');
      return { kind: 'url_verification', challenge: body.challenge };
    }
    return { kind: 'dispatch', body };
  }
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(rawBody);
    if (form.get('ssl_check') === '1') return { kind: 'ssl_check' };
    const payload = form.get('payload');
    if (payload !== null) return { kind: 'dispatch', body: parseJsonObject(payload, 'the payload field') };
    return { kind: 'dispatch', body: Object.fromEntries(form) };
  }
  throw new SlackBodyError(`unsupported content type "${type}"`);
}

function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SlackBodyError(`${what} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SlackBodyError(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}
