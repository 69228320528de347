import { Type } from 'typebox';
import { changeActionItem, removeActionItem } from '../../usecases/postmortems/change-action-item.js';
import { approvePostmortemAsReviewer, transitionPostmortemStatus } from '../../usecases/postmortems/change-postmortem-status.js';
import { createActionItem } from '../../usecases/postmortems/create-action-item.js';
import { createPostmortem } from '../../usecases/postmortems/create-postmortem.js';
import { listIncidentActionItems, listOpenFollowUps } from '../../usecases/postmortems/read-action-items.js';
import { exportPostmortemMarkdown, getPostmortem } from '../../usecases/postmortems/read-postmortem.js';
import { regeneratePostmortem } from '../../usecases/postmortems/regenerate-postmortem.js';
import { updatePostmortemDetails } from '../../usecases/postmortems/update-postmortem.js';
import { principalOf } from '../auth.js';
import {
  ActionItem,
  ActionItemListQuery,
  ActionItemParams,
  CreateActionItemBody,
  IncidentParams,
  MarkdownQuery,
  OpenActionItem,
  Postmortem,
  RegeneratedPostmortem,
  TransitionBody,
  UpdateActionItemBody,
  UpdatePostmortemBody,
} from '../postmortem-schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

const tags = ['postmortems'];

export const postmortemRoutes: RouteModule = (app, deps) => {
  const base = '/api/v1/incidents/:id/postmortem';

  app.get(
    base,
    { schema: { tags, summary: 'The incident’s postmortem, with its readiness and what is missing', params: IncidentParams, response: { 200: Postmortem, ...errorResponses } } },
    async (request) => getPostmortem(deps, principalOf(request), request.params.id),
  );

  app.post(
    base,
    { schema: { tags, summary: 'Start the postmortem: a draft generated from what the incident holds', params: IncidentParams, response: { 201: Postmortem, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await createPostmortem(deps, principalOf(request), request.params.id)),
  );

  app.post(
    `${base}/regenerate`,
    {
      schema: {
        tags,
        summary: 'Refresh the generated sections from the incident’s record; sections people wrote are kept',
        params: IncidentParams,
        response: { 200: RegeneratedPostmortem, ...errorResponses },
      },
    },
    async (request) => regeneratePostmortem(deps, principalOf(request), request.params.id),
  );

  app.patch(
    base,
    {
      schema: {
        tags,
        summary: 'Edit sections, owner, meeting time, reviewers and the checklist facts',
        params: IncidentParams,
        body: UpdatePostmortemBody,
        response: { 200: Postmortem, ...errorResponses },
      },
    },
    async (request) => updatePostmortemDetails(deps, principalOf(request), request.params.id, request.body),
  );

  app.post(
    `${base}/transition`,
    {
      schema: {
        tags,
        summary: 'Move to draft, in review (needs a reviewer) or published (needs every reviewer’s approval)',
        params: IncidentParams,
        body: TransitionBody,
        response: { 200: Postmortem, ...errorResponses },
      },
    },
    async (request) => transitionPostmortemStatus(deps, principalOf(request), request.params.id, request.body.to),
  );

  app.post(
    `${base}/approve`,
    { schema: { tags, summary: 'Approve the postmortem in review, as one of its reviewers', params: IncidentParams, response: { 200: Postmortem, ...errorResponses } } },
    async (request) => approvePostmortemAsReviewer(deps, principalOf(request), request.params.id),
  );

  app.get(
    '/api/v1/incidents/:id/postmortem.md',
    {
      schema: {
        tags,
        summary: 'The postmortem as a Markdown file, in English or Japanese',
        params: IncidentParams,
        querystring: MarkdownQuery,
        response: { 200: { description: 'The Markdown document', content: { 'text/markdown': { schema: Type.String() } } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, markdown } = await exportPostmortemMarkdown(deps, principalOf(request), request.params.id, request.query.lang);
      return reply.type('text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(markdown);
    },
  );

  app.get(
    '/api/v1/incidents/:id/action-items',
    { schema: { tags, summary: 'The incident’s follow-ups', params: IncidentParams, response: { 200: Type.Object({ items: Type.Array(ActionItem) }), ...errorResponses } } },
    async (request) => ({ items: await listIncidentActionItems(deps, principalOf(request), request.params.id) }),
  );

  app.post(
    '/api/v1/incidents/:id/action-items',
    {
      schema: {
        tags,
        summary: 'Add a follow-up (with an owner and a due date, for the checklist)',
        params: IncidentParams,
        body: CreateActionItemBody,
        response: { 201: ActionItem, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createActionItem(deps, principalOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/action-items',
    {
      schema: {
        tags,
        summary: 'Open follow-ups across incidents; ?overdue=true for those past their due date',
        querystring: ActionItemListQuery,
        response: { 200: Type.Object({ items: Type.Array(OpenActionItem) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listOpenFollowUps(deps, principalOf(request), { overdueOnly: request.query.overdue === true }) }),
  );

  app.patch(
    '/api/v1/action-items/:id',
    {
      schema: {
        tags,
        summary: 'Change a follow-up’s title, owner, due date, status or link',
        params: ActionItemParams,
        body: UpdateActionItemBody,
        response: { 200: ActionItem, ...errorResponses },
      },
    },
    async (request) => changeActionItem(deps, principalOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/action-items/:id',
    { schema: { tags, summary: 'Delete a follow-up', params: ActionItemParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await removeActionItem(deps, principalOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
