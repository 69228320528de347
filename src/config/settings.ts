import { existsSync, readFileSync } from 'node:fs';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { IANAZone } from 'luxon';
import { LineCounter, isMap, isNode, isScalar, parseDocument } from 'yaml';
import { validateChecklist } from '../domain/postmortems/checklist.js';
import { DEFAULT_TEMPLATE, validateTemplate } from '../domain/postmortems/template.js';
import { checkFieldDefinitions } from '../domain/fields/definition.js';
import { DEFAULT_FIELDS, DEFAULT_INQUIRIES_FIELD } from '../domain/fields/defaults.js';
import { FieldsSettingSchema, InquiriesSettingSchema } from './field-settings.js';
import { ReportsSettingSchema, reportSettingsProblem } from './report-settings.js';

/** The team's settings file (DESIGN.md "Settings file"); later capabilities add keys here. */
export const SettingsSchema = Type.Object(
  {
    severities: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { minItems: 1, maxItems: 10, uniqueItems: true }),
    slack: Type.Object(
      {
        tokenStrategy: Type.Union([Type.Literal('bot'), Type.Literal('user'), Type.Literal('auto')]),
        commandChannels: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
        broadcastChannel: Type.Optional(Type.String({ minLength: 1 })),
        channelName: Type.String({ minLength: 1 }),
        defaultResponders: Type.Array(Type.String({ minLength: 1 })),
        defaultTeams: Type.Array(Type.String({ minLength: 1 }), { description: 'Hikeshi team names whose members are invited' }),
        timelineReaction: Type.String({ minLength: 1 }),
        installers: Type.Array(Type.String({ minLength: 1 })),
        commandName: Type.String({ pattern: '^/[a-z0-9_-]+$', description: 'The slash command, default /incident' }),
      },
      { additionalProperties: false },
    ),
    runbooks: Type.String({ minLength: 1 }),
    slos: Type.String({ minLength: 1, description: 'Folder of SLO files (Hikeshi YAML, OpenSLO v1, Sloth prometheus/v1), read at start' }),
    prometheus: Type.Optional(
      Type.Object(
        {
          url: Type.String({ pattern: '^https?://', description: 'Base URL of the Prometheus HTTP API SLOs with a PromQL source are pulled from' }),
          timeoutSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 300, description: 'Per request (default 10); a request that takes longer is a gap, retried' })),
        },
        { additionalProperties: false },
      ),
    ),
    publicUrl: Type.Optional(Type.String({ pattern: '^https?://', description: 'Where people reach the web app; links in pages point there (else HIKESHI_PUBLIC_URL)' })),
    paging: Type.Object(
      {
        webhooks: Type.Record(
          Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }),
          Type.Object(
            {
              url: Type.String({ pattern: '^https?://' }),
              secretEnv: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$', description: 'The environment variable holding the HMAC secret' }),
            },
            { additionalProperties: false },
          ),
          { description: 'Outbound webhooks escalation policies may target, by name' },
        ),
        defaultEscalationPolicy: Type.Optional(
          Type.String({ minLength: 1, description: 'The escalation policy `/oncall page <message>` pages when the message names none' }),
        ),
      },
      { additionalProperties: false },
    ),
    postmortems: Type.Optional(
      Type.Object(
        {
          template: Type.Optional(Type.Unknown({ description: 'The sections of a postmortem ({sections: [{id, heading, prompt?, generator?, actionItems?}]}); checked by validateTemplate' })),
          checklist: Type.Optional(Type.Unknown({ description: 'The pre-meeting checklist ([{id, label, check, params?}]); checked by validateChecklist' })),
          reminderHoursBefore: Type.Optional(
            Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 24 * 14 }), { minItems: 1, maxItems: 10, description: 'Hours before the review meeting when owners are reminded of missing items' }),
          ),
          language: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ja')], { description: 'The language generated sections are written in' })),
          timeZone: Type.Optional(Type.String({ minLength: 1, description: 'IANA zone for times in postmortems and for due dates (default UTC)' })),
        },
        { additionalProperties: false },
      ),
    ),
    fields: FieldsSettingSchema,
    inquiries: InquiriesSettingSchema,
    reports: Type.Optional(ReportsSettingSchema),
    severityPolicy: Type.Optional(
      Type.String({ minLength: 1, description: 'The severity policy file (default ./severity.yaml when it exists); read at start, on SIGHUP and on reload' }),
    ),
    severity: Type.Object(
      {
        worse: Type.Union([Type.Literal('apply'), Type.Literal('propose')], {
          description: 'A worse severity from the policy is applied at once (apply) or only proposed for a person to confirm (propose)',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type Settings = Static<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
  slack: {
    tokenStrategy: 'auto',
    channelName: 'inc-{number}-{slug}',
    defaultResponders: [],
    defaultTeams: [],
    timelineReaction: 'pushpin',
    installers: [],
    commandName: '/incident',
  },
  runbooks: './runbooks',
  slos: './slos',
  paging: { webhooks: {} },
  fields: DEFAULT_FIELDS,
  inquiries: { field: DEFAULT_INQUIRIES_FIELD },
  severity: { worse: 'apply' },
};

export class SettingsError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly line: number | undefined,
    reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${key || '(top level)'} ${reason}`);
  }
}

/** Reads and validates the settings file; an error names the key and its line. */
export function loadSettings(file: string | undefined): Settings {
  const path = file ?? (existsSync('hikeshi.yaml') ? 'hikeshi.yaml' : undefined);
  if (!path) return DEFAULT_SETTINGS;
  if (!existsSync(path)) throw new SettingsError(path, '', undefined, 'file not found');
  return parseSettings(readFileSync(path, 'utf8'), path);
}

export function parseSettings(text: string, file = 'hikeshi.yaml'): Settings {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    throw new SettingsError(file, '', error.linePos?.[0]?.line, error.message);
  }
  const raw = doc.toJS() ?? {};
  const merged = mergeDefaults(DEFAULT_SETTINGS, raw);
  const errors = [...Value.Errors(SettingsSchema, merged)];
  const error = errors.find((e) => e.keyword !== 'boolean') ?? errors[0];
  if (!error) {
    const problem = postmortemSettingsProblem(merged as Settings) ?? fieldSettingsProblem(merged as Settings) ?? reportSettingsProblem((merged as Settings).reports);
    if (problem) throw new SettingsError(file, problem.key, lineOf(doc, lineCounter, problem.key.split('.')), problem.message);
    return merged as Settings;
  }
  const segments = error.instancePath.split('/').filter(Boolean);
  const extra = error.params && 'additionalProperties' in error.params ? (error.params.additionalProperties as string[]) : [];
  const path = extra.length ? [...segments, extra[0]!] : segments;
  // For an unknown key, point at the key itself rather than at its value.
  const node = extra.length ? keyNode(doc.getIn(segments, true) ?? doc.contents, extra[0]!) : doc.getIn(path, true);
  const line = isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
  const reason = extra.length ? 'is not a known setting' : error.message;
  throw new SettingsError(file, path.join('.'), line, reason);
}

/** The postmortem template and checklist are data the domain validates: their first problem, keyed from the file's root. */
function postmortemSettingsProblem(settings: Settings): { key: string; message: string } | undefined {
  const { template, checklist, timeZone } = settings.postmortems ?? {};
  if (timeZone !== undefined && !IANAZone.isValidZone(timeZone)) return { key: 'postmortems.timeZone', message: `is not an IANA time zone (got "${timeZone}")` };
  const checkedTemplate = template === undefined ? { template: DEFAULT_TEMPLATE, problems: [] } : validateTemplate(template);
  if (!checkedTemplate.template) return firstProblem('postmortems.template', checkedTemplate.problems);
  if (checklist === undefined) return undefined;
  const checkedChecklist = validateChecklist(checklist, checkedTemplate.template);
  return checkedChecklist.checklist ? undefined : firstProblem('postmortems.checklist', checkedChecklist.problems);
}

/** Custom fields: unique keys, choices, bounds, and a number field for inquiries to count into. */
function fieldSettingsProblem(settings: Settings): { key: string; message: string } | undefined {
  const [problem] = checkFieldDefinitions(settings.fields, settings.inquiries.field);
  if (!problem) return undefined;
  return problem.path.startsWith('[') ? firstProblem('fields', [problem]) : { key: problem.path, message: problem.message };
}

function firstProblem(base: string, problems: ReadonlyArray<{ path: string; message: string }>): { key: string; message: string } {
  const path = problems[0]?.path ?? '';
  return { key: !path ? base : path.startsWith('[') ? `${base}${path}` : `${base}.${path}`, message: problems[0]?.message ?? 'is not valid' };
}

function lineOf(doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter, key: string[]): number | undefined {
  const path = key.flatMap((part) => part.split(/\[(\d+)\]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
  for (let length = path.length; length > 0; length--) {
    const node = doc.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

function keyNode(map: unknown, key: string): unknown {
  return isMap(map) ? map.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key : undefined;
}

function mergeDefaults(defaults: unknown, value: unknown): unknown {
  if (isPlainObject(defaults) && isPlainObject(value)) {
    const out: Record<string, unknown> = { ...defaults };
    for (const [key, v] of Object.entries(value)) out[key] = mergeDefaults(defaults[key], v);
    return out;
  }
  return value === undefined ? defaults : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
