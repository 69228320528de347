/** A Slack platform error: answered as HTTP 200 `{ ok: false, error, ...extra }`, like Slack. */
export class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'SlackApiError';
  }
}

/** Throws the Slack error `code` (with extra answer fields such as `needed`/`provided` or `errors`). */
export function fail(code: string, extra: Record<string, unknown> = {}): never {
  throw new SlackApiError(code, extra);
}
