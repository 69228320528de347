/** Who the app is in Slack: its bot user, and the handle people type after `@`. */
export interface AppIdentity {
  userId: string;
  handle: string;
}

/** A mention of the app that asks for the on-call: the rest of the message, Slack markup kept. */
export interface OncallAsk {
  text: string;
  /** The text may start with a schedule, team or service name (`@Hikeshi oncall payments …`). */
  mayName: boolean;
}

const ONCALL = String.raw`@?on-?call`;
const LEADING = new RegExp(String.raw`^${ONCALL}(?=$|[\s:,;.!?])[:,;.!?]*`, 'i');
const ANYWHERE = new RegExp(String.raw`(?:^|[\s(])${ONCALL}(?=$|[\s:,;.!?)])`, 'i');

/**
 * Reads a message that mentions the app. It asks for the on-call when it starts with the word
 * `oncall` after the app's mention (`@Hikeshi oncall payments: refunds fail`), when the app's
 * own handle is `oncall` (`@oncall refunds fail`), or when it says oncall anywhere
 * (`@Hikeshi who is oncall?`: a question, no name). Anything else is not for this feature.
 */
export function parseOncallMention(text: string, app: AppIdentity): OncallAsk | undefined {
  const ownMention = new RegExp(String.raw`<@${escapeRegExp(app.userId)}(?:\|[^>]*)?>`, 'g');
  const rest = text.replace(ownMention, ' ').replace(/[ \t]+/g, ' ').trim();
  const leading = LEADING.exec(rest);
  if (leading) return { text: rest.slice(leading[0].length).trim(), mayName: true };
  if (/^on-?call$/i.test(app.handle)) return { text: rest, mayName: true };
  if (ANYWHERE.test(rest)) return { text: rest, mayName: false };
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `page db is down` → `db is down`: the ask is to page the on-call rather than to name them
 * (`/oncall page …`, `@Hikeshi oncall page …`). Undefined for any other ask.
 */
export function pageRequest(text: string): string | undefined {
  const match = /^page(?=$|\s)/i.exec(text.trim());
  return match ? text.trim().slice(match[0].length).trim() : undefined;
}
