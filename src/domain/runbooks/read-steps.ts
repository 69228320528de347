import { readAction, optionalRole } from './read-action.js';
import { readAsk } from './read-ask.js';
import { readBranch } from './read-branch.js';
import { type DocumentPath, type ProblemList, quote } from './problems.js';
import { checkKeys, isRecord, readBoolean, readId, readLocalized, readOneOf, readString } from './read.js';
import { STEP_TYPES, type InfoLink, type InfoStep, type KnownFields, type RunbookStep, type TaskStep } from './types.js';

export interface RunbookContext {
  /** Worst first, as in settings. */
  severities: readonly string[];
  /** Incident fields a runbook may write, with their types (built-in and custom). */
  fields: KnownFields;
}

export function readStep(raw: unknown, at: DocumentPath, ctx: RunbookContext, problems: ProblemList): RunbookStep | undefined {
  if (!isRecord(raw)) {
    problems.error(at, `must be a step (a map with id and type), got ${quote(raw)}`);
    return undefined;
  }
  const id = readId(raw.id, [...at, 'id'], problems) ?? '';
  if (id === 'end') problems.error([...at, 'id'], '"end" is reserved: it is where a run finishes');
  const type = readOneOf(raw.type, STEP_TYPES, [...at, 'type'], problems, 'step type');
  const next = raw.next === undefined ? undefined : readId(raw.next, [...at, 'next'], problems);
  const base = { id, ...(next !== undefined ? { next } : {}) };
  switch (type) {
    case 'ask':
      return readAsk(raw, at, base, ctx.fields, problems);
    case 'task':
      checkKeys(raw, ['id', 'type', 'text', 'assignee', 'required', 'next'], at, problems);
      return {
        ...base,
        type,
        text: readLocalized(raw.text, [...at, 'text'], problems, true) ?? {},
        ...optionalRole(raw.assignee, [...at, 'assignee'], problems),
        required: readBoolean(raw.required, [...at, 'required'], problems, false),
      } satisfies TaskStep;
    case 'info':
      checkKeys(raw, ['id', 'type', 'text', 'links', 'next'], at, problems);
      return {
        ...base,
        type,
        text: readLocalized(raw.text, [...at, 'text'], problems, true) ?? {},
        links: readLinks(raw.links, [...at, 'links'], problems),
      } satisfies InfoStep;
    case 'action':
      return readAction(raw, at, base, ctx, problems);
    case 'branch':
      return readBranch(raw, at, id, problems);
    default:
      return undefined;
  }
}

function readLinks(raw: unknown, at: DocumentPath, problems: ProblemList): InfoLink[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.error(at, 'must be a list of links');
    return [];
  }
  return raw.flatMap((item, index) => {
    const itemAt = [...at, index];
    const record = typeof item === 'string' ? { url: item } : item;
    if (!isRecord(record)) {
      problems.error(itemAt, `must be a URL or {url, title} (got ${quote(item)})`);
      return [];
    }
    if (typeof item !== 'string') checkKeys(record, ['url', 'title'], itemAt, problems);
    const urlAt = typeof item === 'string' ? itemAt : [...itemAt, 'url'];
    const url = readString(record.url, urlAt, problems, true);
    if (url === undefined) return [];
    if (!/^https?:\/\/\S+$/.test(url)) {
      problems.error(urlAt, `must be an http(s) URL (got ${quote(url)})`);
      return [];
    }
    const title = readLocalized(record.title, [...itemAt, 'title'], problems, false);
    return [title ? { url, title } : { url }];
  });
}
