/**
 * Slack message markup (`<@U123>`, `<!here>`, `<#C1|general>`, `<https://…|label>`, `&amp;`)
 * turned into the plain words a person sees. What is quoted back can then mention, and
 * notify, no one: not the people the asker mentioned, nor `@here`.
 */
export function plainText(text: string, names: ReadonlyMap<string, string> = new Map()): string {
  return text
    .replace(/<([^<>]*)>/g, (_token, inner: string) => plainToken(inner, names))
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

function plainToken(inner: string, names: ReadonlyMap<string, string>): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? '' : inner.slice(bar + 1);
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `@${label || names.get(id) || id}`;
  }
  if (target.startsWith('#')) return `#${label || target.slice(1)}`;
  if (target.startsWith('!')) {
    const special = target.slice(1);
    if (special.startsWith('subteam^')) return label ? (label.startsWith('@') ? label : `@${label}`) : '@group';
    if (['here', 'channel', 'everyone'].includes(special)) return `@${special}`;
    return label || special;
  }
  if (!label || target.replace(/^[a-z]+:(\/\/)?/i, '') === label) return target;
  return `${label} (${target})`;
}

/** The Slack user ids a message mentions, in order, without repeats. */
export function mentionedUsers(text: string): string[] {
  return [...new Set([...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1]!))];
}
