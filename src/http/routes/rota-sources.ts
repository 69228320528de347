import { Type } from 'typebox';
import { ROTA_SYNC } from '../../domain/oncall/rota-fetch-policy.js';
import { removeRotaSource } from '../../usecases/oncall/rota-sources/remove-rota-source.js';
import { readRotaSource } from '../../usecases/oncall/rota-sources/rota-source-status.js';
import { setRotaSource } from '../../usecases/oncall/rota-sources/set-rota-source.js';
import { syncRotaSourceNow } from '../../usecases/oncall/rota-sources/sync-rota-source-now.js';
import { principalOf } from '../auth.js';
import { ScheduleParams } from '../oncall-schemas.js';
import { DateTime, L, Nullable, Ref } from '../schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

const tags = ['on-call'];

const Mode = Type.Union([L('overrides'), L('layer')], { description: "As for the import: overrides (default) above the layers, or the schedule's own rota layer" });
const Role = Type.Union([L('primary'), L('secondary')], { description: 'Which column feeds this schedule (default primary)' });
const Column = Type.Union([L('date'), L('start'), L('end'), L('primary'), L('secondary')]);
const Outcome = Type.Union([L('applied'), L('unchanged'), L('refused'), L('failed')], {
  description: 'applied (possibly with rows not applied, listed in lastFile), unchanged (304, or the same file as last applied), refused (nothing changed), failed (no complete download after retries; nothing changed)',
});
const LineProblem = Type.Object({
  line: Type.Integer(),
  code: Type.String(),
  column: Type.Optional(Type.String()),
  value: Type.Optional(Type.String()),
  message: Type.String(),
});

const RotaSourceBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: ROTA_SYNC.maxUrlLength, description: "The sheet's published-as-CSV address (http or https); kept secret and only ever shown masked" }),
    mode: Type.Optional(Mode),
    role: Type.Optional(Role),
    intervalMinutes: Type.Optional(Type.Integer({ minimum: ROTA_SYNC.minIntervalMinutes, maximum: ROTA_SYNC.maxIntervalMinutes, description: 'Minutes between checks (default 15)' })),
    columns: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Column, { description: "Header names → columns, on top of the schedule's rotaColumns" })),
  },
  { additionalProperties: false },
);

const RotaSourceStatus = Type.Object({
  schedule: Ref,
  url: Type.String({ description: 'The address with its key, query values and credentials masked' }),
  urlSealed: Type.Boolean({ description: 'Whether the address is encrypted at rest (a secret key is configured)' }),
  mode: Mode,
  role: Role,
  columns: Nullable(Type.Record(Type.String(), Column)),
  intervalMinutes: Type.Integer(),
  lastCheckedAt: Nullable(DateTime),
  lastChangedAt: Nullable(DateTime),
  lastAppliedAt: Nullable(DateTime),
  lastOutcome: Nullable(Outcome),
  lastMessage: Nullable(Type.String()),
  lastFile: Nullable(
    Type.Object(
      {
        applied: Type.Integer(),
        replaced: Type.Integer(),
        problems: Type.Array(LineProblem, { description: 'Rows not applied (or, for a refused file, every problem), by line' }),
        ignoredColumns: Type.Array(Type.String()),
      },
      { description: 'The last file applied or refused' },
    ),
  ),
  nextCheckAt: DateTime,
});

const SyncAnswer = Type.Object({ outcome: Outcome, message: Type.String(), source: RotaSourceStatus });

/** A schedule's spreadsheet rota, synced periodically from its published CSV address. */
export const rotaSourceRoutes: RouteModule = (app, deps) => {
  const path = '/api/v1/schedules/:id/rota-source';
  app.put(path, { schema: { tags, summary: 'Sync the schedule from a published spreadsheet (CSV address) every few minutes (admin); the first check runs at once', params: ScheduleParams, body: RotaSourceBody, response: { 200: RotaSourceStatus, ...errorResponses } } },
    async (request) => setRotaSource(deps, request.params.id, request.body, principalOf(request)));
  app.get(path, { schema: { tags, summary: "The schedule's rota source: masked address, last check, change and application, outcome, problems by line, next check", params: ScheduleParams, response: { 200: RotaSourceStatus, ...errorResponses } } },
    async (request) => readRotaSource(deps, request.params.id, principalOf(request)));
  app.delete(path, { schema: { tags, summary: 'Stop syncing the schedule from its spreadsheet (admin); what was applied stays', params: ScheduleParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await removeRotaSource(deps, request.params.id, principalOf(request));
      return reply.code(204).send(null);
    });
  app.post(`${path}/sync`, { schema: { tags, summary: 'Check the spreadsheet now (responder) and answer the outcome; a file refused or not downloaded changes nothing', params: ScheduleParams, response: { 200: SyncAnswer, ...errorResponses } } },
    async (request) => syncRotaSourceNow(deps, request.params.id, principalOf(request)));
};
