import { confirmSeverityProposal } from '../../usecases/severity/confirm-proposal.js';
import { dismissSeverityProposal } from '../../usecases/severity/dismiss-proposal.js';
import { evaluateSeverityFacts } from '../../usecases/severity/evaluate-facts.js';
import { reloadSeverityPolicyFile } from '../../usecases/severity/load-policy-file.js';
import { getSeverityPolicy, putSeverityPolicy, validateSeverityPolicy } from '../../usecases/severity/policy-api.js';
import { SeverityPolicyRefusedError } from '../../usecases/severity/severity-errors.js';
import { principalOf } from '../auth.js';
import { problem } from '../problem.js';
import { Incident } from '../schemas.js';
import {
  DryRun,
  EvaluateBody,
  IncidentIdParams,
  PolicyFileLoad,
  PolicyRefused,
  PolicyText,
  PolicyValidation,
  PolicyView,
  ProposalAnswer,
} from '../severity-schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

const tags = ['severity'];

/** The severity policy (read, replace, validate, dry run, reload the file) and answers to its proposals. */
export const severityRoutes: RouteModule = (app, deps) => {
  const refused = (error: SeverityPolicyRefusedError) => ({ ...problem(422, error.code, error.message), problems: [...error.problems] });

  app.get('/api/v1/severity/policy', { schema: { tags, summary: 'The severity policy in force (the latest accepted version); 404 when none was ever accepted', response: { 200: PolicyView, ...errorResponses } } },
    async (request) => getSeverityPolicy(deps, principalOf(request)));
  app.put('/api/v1/severity/policy', { schema: { tags, summary: 'Replace the policy (admin); 422 lists every problem, failing examples included, and the running policy stays', body: PolicyText, response: { 200: PolicyView, ...errorResponses, 422: PolicyRefused } } },
    async (request, reply) => {
      try {
        return await putSeverityPolicy(deps, request.body.text, principalOf(request));
      } catch (error) {
        if (!(error instanceof SeverityPolicyRefusedError)) throw error;
        return reply.code(422).type('application/problem+json').send(refused(error));
      }
    });
  app.post('/api/v1/severity/validate', { schema: { tags, summary: 'Check a draft policy without saving it: every problem with its line, and each example passed or failed', body: PolicyText, response: { 200: PolicyValidation, ...errorResponses } } },
    async (request) => validateSeverityPolicy(deps, request.body.text, principalOf(request)));
  app.post('/api/v1/severity/evaluate', { schema: { tags, summary: 'Dry run: the severity these facts get, every matched rule and the facts that made it match', body: EvaluateBody, response: { 200: DryRun, ...errorResponses, 422: PolicyRefused } } },
    async (request, reply) => {
      try {
        const { facts, text } = request.body;
        return await evaluateSeverityFacts(deps, { facts, ...(text === undefined ? {} : { text }) }, principalOf(request));
      } catch (error) {
        if (!(error instanceof SeverityPolicyRefusedError)) throw error;
        return reply.code(422).type('application/problem+json').send(refused(error));
      }
    });
  app.post('/api/v1/severity/policy/reload', { schema: { tags, summary: 'Read the policy file again (admin), as SIGHUP does; a refused file leaves the running policy in force', response: { 200: PolicyFileLoad, ...errorResponses } } },
    async (request) => reloadSeverityPolicyFile(deps, principalOf(request)));

  app.post('/api/v1/incidents/:id/severity-proposal/confirm', { schema: { tags, summary: "Apply the policy's pending proposal (responder)", params: IncidentIdParams, body: ProposalAnswer, response: { 200: Incident, ...errorResponses } } },
    async (request) => confirmSeverityProposal(deps, request.params.id, request.body ?? {}, principalOf(request)));
  app.post('/api/v1/incidents/:id/severity-proposal/dismiss', { schema: { tags, summary: "Turn the policy's pending proposal down (responder); the same result is not proposed again", params: IncidentIdParams, body: ProposalAnswer, response: { 200: Incident, ...errorResponses } } },
    async (request) => dismissSeverityProposal(deps, request.params.id, request.body ?? {}, principalOf(request)));
};
