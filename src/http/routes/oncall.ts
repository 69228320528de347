import { Type } from 'typebox';
import { NotFoundError } from '../../errors.js';
import { createScheduleCalendarToken, createUserCalendarToken, readCalendarFeed, type CalendarToken as Token } from '../../usecases/oncall/calendar-feeds.js';
import { importRota } from '../../usecases/oncall/import-rota.js';
import { createSchedule, deleteSchedule, updateSchedule } from '../../usecases/oncall/manage-schedules.js';
import { addOverride, removeOverride } from '../../usecases/oncall/overrides.js';
import { getSchedule, listSchedules } from '../../usecases/oncall/read-schedules.js';
import { scheduleShifts } from '../../usecases/oncall/schedule-shifts.js';
import { whoIsOnCall } from '../../usecases/oncall/who-is-on-call.js';
import { principalOf } from '../auth.js';
import {
  AddOverrideBody,
  CalendarParams,
  CalendarToken,
  CreateScheduleBody,
  ImportJsonBody,
  ImportQuery,
  ImportResult,
  OnCallAnswer,
  OnCallQuery,
  Override,
  OverrideParams,
  RotaRefusal,
  Schedule,
  ScheduleListQuery,
  ScheduleParams,
  ScheduleShifts,
  ShiftsQuery,
  UpdateScheduleBody,
} from '../oncall-schemas.js';
import { IdParams, Problem, pageOf } from '../schemas.js';
import { errorResponses, type App, type RouteModule } from './route-types.js';

const tags = ['on-call'];
const noContent = { 204: Type.Null(), ...errorResponses };

/**
 * Schedules, overrides, rota import, who is on call, and calendar feeds. Registered in
 * its own scope so that only the import route reads `text/csv` bodies.
 */
export const oncallRoutes: RouteModule = (app, deps) => {
  void app.register(async (scope) => {
    const api = scope as unknown as App;
    api.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    api.get('/api/v1/oncall', { schema: { tags, summary: 'Who is on call now or at an instant, per schedule (all, or a schedule, a team, a service, or the schedules of an escalation policy\'s level 1 with the people it reaches), with when their turn ends and the next handoff', querystring: OnCallQuery, response: { 200: OnCallAnswer, ...errorResponses } } },
      async (request) => whoIsOnCall(deps, request.query, principalOf(request)));

    api.get('/api/v1/schedules', { schema: { tags, summary: 'List schedules by name', querystring: ScheduleListQuery, response: { 200: pageOf(Schedule), ...errorResponses } } },
      async (request) => listSchedules(deps, request.query, principalOf(request)));
    api.post('/api/v1/schedules', { schema: { tags, summary: 'Create a schedule with its layers and overrides (admin); a bad value answers 422 naming the field', body: CreateScheduleBody, response: { 201: Schedule, ...errorResponses } } },
      async (request, reply) => reply.code(201).send(await createSchedule(deps, request.body, principalOf(request))));
    api.get('/api/v1/schedules/:id', { schema: { tags, summary: 'Get a schedule by id or name', params: ScheduleParams, response: { 200: Schedule, ...errorResponses } } },
      async (request) => getSchedule(deps, request.params.id, principalOf(request)));
    api.patch('/api/v1/schedules/:id', { schema: { tags, summary: 'Change a schedule (admin); layers and overrides, when given, replace the lists', params: ScheduleParams, body: UpdateScheduleBody, response: { 200: Schedule, ...errorResponses } } },
      async (request) => updateSchedule(deps, request.params.id, request.body, principalOf(request)));
    api.delete('/api/v1/schedules/:id', { schema: { tags, summary: 'Delete a schedule and its calendar feed (admin)', params: ScheduleParams, response: noContent } },
      async (request, reply) => {
        await deleteSchedule(deps, request.params.id, principalOf(request));
        return reply.code(204).send(null);
      });

    api.post('/api/v1/schedules/:id/overrides', { schema: { tags, summary: 'Someone covers [start, end) above every layer (responder); the newest override wins', params: ScheduleParams, body: AddOverrideBody, response: { 201: Override, ...errorResponses } } },
      async (request, reply) => reply.code(201).send(await addOverride(deps, request.params.id, request.body, principalOf(request))));
    api.delete('/api/v1/schedules/:id/overrides/:overrideId', { schema: { tags, summary: 'Remove an override (responder)', params: OverrideParams, response: noContent } },
      async (request, reply) => {
        await removeOverride(deps, request.params.id, request.params.overrideId, principalOf(request));
        return reply.code(204).send(null);
      });

    api.get('/api/v1/schedules/:id/shifts', { schema: { tags, summary: 'The final shifts (layers and overrides merged) and the gaps over [from, to)', params: ScheduleParams, querystring: ShiftsQuery, response: { 200: ScheduleShifts, ...errorResponses } } },
      async (request) => scheduleShifts(deps, request.params.id, request.query, principalOf(request)));

    api.post(
      '/api/v1/schedules/:id/import',
      {
        schema: {
          tags,
          summary: 'Import a spreadsheet rota (CSV) as overrides or as the schedule\'s rota layer (admin). Rows that cannot be mapped are reported by line and the rest applies; a file refused as a whole answers 422 and changes nothing',
          description: 'Send `{"csv": "...", "mode", "role", "dryRun"}` as JSON, or the file itself as `text/csv` with mode, role and dryRun in the query.',
          params: ScheduleParams,
          querystring: ImportQuery,
          body: { content: { 'application/json': { schema: ImportJsonBody }, 'text/csv': { schema: Type.String({ description: 'The CSV file' }) } } },
          response: { 200: ImportResult, ...errorResponses, 422: RotaRefusal },
        },
      },
      async (request) => {
        const body = request.body as unknown as string | { csv: string; mode?: 'overrides' | 'layer'; role?: 'primary' | 'secondary'; dryRun?: boolean };
        const input = typeof body === 'string' ? { csv: body, ...request.query } : { ...request.query, ...body };
        return importRota(deps, request.params.id, input, principalOf(request));
      },
    );

    const withUrl = (request: { protocol: string; host: string }, token: Token) => ({ ...token, url: `${request.protocol}://${request.host}${token.path}` });
    api.post('/api/v1/schedules/:id/calendar-token', { schema: { tags, summary: "A secret iCalendar address for the schedule's shifts (responder); shown once, and it replaces the previous one", params: ScheduleParams, response: { 201: CalendarToken, ...errorResponses } } },
      async (request, reply) => reply.code(201).send(withUrl(request, await createScheduleCalendarToken(deps, request.params.id, principalOf(request)))));
    api.post('/api/v1/users/:id/calendar-token', { schema: { tags, summary: "A secret iCalendar address for one person's shifts on every schedule (themselves, or an admin); shown once, and it replaces the previous one", params: IdParams, response: { 201: CalendarToken, ...errorResponses } } },
      async (request, reply) => reply.code(201).send(withUrl(request, await createUserCalendarToken(deps, request.params.id, principalOf(request)))));

    api.get(
      '/ical/:file',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'An iCalendar (RFC 5545) feed of on-call shifts, 30 days back to 180 ahead; the token in the address is the credential',
          params: CalendarParams,
          security: [],
          response: { 200: { content: { 'text/calendar': { schema: Type.String() } } }, 404: Problem },
        },
      },
      async (request, reply) => {
        const match = /^(.+)\.ics$/.exec(request.params.file);
        if (!match) throw new NotFoundError('calendar feed', 'at this address');
        const text = await readCalendarFeed(deps, match[1]!);
        return reply
          .header('cache-control', 'private, max-age=300')
          .header('referrer-policy', 'no-referrer')
          .type('text/calendar; charset=utf-8')
          .send(text);
      },
    );
  });
};
