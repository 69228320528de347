import { Type } from 'typebox';
import { abandonRunbookRun, goBackInRun, moveRunStep } from '../../usecases/runbooks/move-run.js';
import { getRunbook, listRunbooks } from '../../usecases/runbooks/read-runbooks.js';
import { getRunbookRun, listIncidentRunbookRuns } from '../../usecases/runbooks/read-runs.js';
import { RunbookRefusedError } from '../../usecases/runbooks/runbook-errors.js';
import { deleteRunbook, saveRunbook } from '../../usecases/runbooks/save-runbook.js';
import { startRunbookRun } from '../../usecases/runbooks/start-run.js';
import { validateRunbookInput } from '../../usecases/runbooks/validate-runbook.js';
import { principalOf } from '../auth.js';
import { problem } from '../problem.js';
import {
  AbandonBody,
  IncidentParams,
  RunbookDetail,
  RunbookList,
  RunbookParams,
  RunbookRefused,
  RunbookValidation,
  RunbookYamlBody,
  RunList,
  RunParams,
  RunView,
  StartRunBody,
  StepMoveBody,
  StepParams,
  ValidateRunbookBody,
} from '../runbook-schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

const tags = ['runbooks'];

/** Runbook definitions (files read at start, or saved here by admins) and their runs on incidents. */
export const runbookRoutes: RouteModule = (app, deps) => {
  app.get('/api/v1/runbooks', { schema: { tags, summary: 'List runbooks: those of the runbooks folder (source file) and those saved through the API', response: { 200: RunbookList, ...errorResponses } } },
    async (request) => listRunbooks(deps, principalOf(request)));
  app.get('/api/v1/runbooks/:id', { schema: { tags, summary: 'Get a runbook with its definition and YAML; a file refused at start is not served (404)', params: RunbookParams, response: { 200: RunbookDetail, ...errorResponses } } },
    async (request) => getRunbook(deps, request.params.id, principalOf(request)));
  app.post('/api/v1/runbooks/validate', { schema: { tags, summary: 'Validate a runbook (YAML or data) without saving it: every problem, with line and column for YAML', body: ValidateRunbookBody, response: { 200: RunbookValidation, ...errorResponses } } },
    async (request) => validateRunbookInput(deps, request.body, principalOf(request)));
  app.put('/api/v1/runbooks/:id', { schema: { tags, summary: 'Create or replace a runbook from YAML (admin); 422 lists the problems; a runbook of the runbooks folder answers 409 (edit its file)', params: RunbookParams, body: RunbookYamlBody, response: { 200: RunbookDetail, ...errorResponses, 422: RunbookRefused } } },
    async (request, reply) => {
      try {
        return await saveRunbook(deps, request.params.id, request.body, principalOf(request));
      } catch (error) {
        if (!(error instanceof RunbookRefusedError)) throw error;
        return reply.code(422).type('application/problem+json').send({ ...problem(422, error.code, error.message), problems: [...error.problems] });
      }
    });
  app.delete('/api/v1/runbooks/:id', { schema: { tags, summary: 'Delete a runbook saved through the API (admin); runs of it keep their copy', params: RunbookParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await deleteRunbook(deps, request.params.id, principalOf(request));
      return reply.code(204).send(null);
    });

  app.get('/api/v1/incidents/:id/runbook-runs', { schema: { tags, summary: "An incident's runbook runs, oldest first", params: IncidentParams, response: { 200: RunList, ...errorResponses } } },
    async (request) => listIncidentRunbookRuns(deps, request.params.id, principalOf(request)));
  app.post('/api/v1/incidents/:id/runbook-runs', { schema: { tags, summary: 'Start a runbook on an incident (responder)', params: IncidentParams, body: StartRunBody, response: { 201: RunView, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await startRunbookRun(deps, request.params.id, request.body.runbookId, principalOf(request))));
  app.get('/api/v1/runbook-runs/:runId', { schema: { tags, summary: 'Get a runbook run: its current step, answers and progress', params: RunParams, response: { 200: RunView, ...errorResponses } } },
    async (request) => getRunbookRun(deps, request.params.runId, principalOf(request)));
  app.post('/api/v1/runbook-runs/:runId/steps/:stepId', { schema: { tags, summary: 'Answer, complete, proceed past or skip the current step (responder); 409 runbook.stale_step names who answered when it is no longer current', params: StepParams, body: StepMoveBody, response: { 200: RunView, ...errorResponses } } },
    async (request) => moveRunStep(deps, request.params.runId, request.params.stepId, request.body, principalOf(request)));
  app.post('/api/v1/runbook-runs/:runId/back', { schema: { tags, summary: 'Go back to the previous step (responder); its answer stays as the suggestion, what was carried out is not undone', params: RunParams, response: { 200: RunView, ...errorResponses } } },
    async (request) => goBackInRun(deps, request.params.runId, principalOf(request)));
  app.post('/api/v1/runbook-runs/:runId/abandon', { schema: { tags, summary: 'Abandon a run for good (responder)', params: RunParams, body: AbandonBody, response: { 200: RunView, ...errorResponses } } },
    async (request) => abandonRunbookRun(deps, request.params.runId, request.body.reason, principalOf(request)));
};
