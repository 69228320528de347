import { createService, getServiceById, listServices, updateService } from '../../usecases/catalog/services.js';
import { createTeam, getTeamById, listTeams, updateTeam } from '../../usecases/catalog/teams.js';
import { createUser, getUserById, listUsers, updateUser } from '../../usecases/catalog/users.js';
import { principalOf } from '../auth.js';
import {
  CreateServiceBody,
  CreateTeamBody,
  CreateUserBody,
  IdParams,
  PageQuery,
  Service,
  Team,
  UpdateServiceBody,
  UpdateTeamBody,
  UpdateUserBody,
  User,
  pageOf,
} from '../schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

export const userRoutes: RouteModule = (app, deps) => {
  const tags = ['users'];
  app.get('/api/v1/users', { schema: { tags, summary: 'List users by name', querystring: PageQuery, response: { 200: pageOf(User), ...errorResponses } } },
    async (request) => listUsers(deps, request.query, principalOf(request)));
  app.post('/api/v1/users', { schema: { tags, summary: 'Add a user (admin)', body: CreateUserBody, response: { 201: User, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await createUser(deps, request.body, principalOf(request))));
  app.get('/api/v1/users/:id', { schema: { tags, summary: 'Get a user', params: IdParams, response: { 200: User, ...errorResponses } } },
    async (request) => getUserById(deps, request.params.id, principalOf(request)));
  app.patch('/api/v1/users/:id', { schema: { tags, summary: 'Change a user (admin, or yourself without role)', params: IdParams, body: UpdateUserBody, response: { 200: User, ...errorResponses } } },
    async (request) => updateUser(deps, request.params.id, request.body, principalOf(request)));
};

export const teamRoutes: RouteModule = (app, deps) => {
  const tags = ['teams'];
  app.get('/api/v1/teams', { schema: { tags, summary: 'List teams by name', querystring: PageQuery, response: { 200: pageOf(Team), ...errorResponses } } },
    async (request) => listTeams(deps, request.query, principalOf(request)));
  app.post('/api/v1/teams', { schema: { tags, summary: 'Create a team (admin)', body: CreateTeamBody, response: { 201: Team, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await createTeam(deps, request.body, principalOf(request))));
  app.get('/api/v1/teams/:id', { schema: { tags, summary: 'Get a team', params: IdParams, response: { 200: Team, ...errorResponses } } },
    async (request) => getTeamById(deps, request.params.id, principalOf(request)));
  app.patch('/api/v1/teams/:id', { schema: { tags, summary: 'Change a team (admin)', params: IdParams, body: UpdateTeamBody, response: { 200: Team, ...errorResponses } } },
    async (request) => updateTeam(deps, request.params.id, request.body, principalOf(request)));
};

export const serviceRoutes: RouteModule = (app, deps) => {
  const tags = ['services'];
  app.get('/api/v1/services', { schema: { tags, summary: 'List services by name', querystring: PageQuery, response: { 200: pageOf(Service), ...errorResponses } } },
    async (request) => listServices(deps, request.query, principalOf(request)));
  app.post('/api/v1/services', { schema: { tags, summary: 'Create a service (admin)', body: CreateServiceBody, response: { 201: Service, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await createService(deps, request.body, principalOf(request))));
  app.get('/api/v1/services/:id', { schema: { tags, summary: 'Get a service', params: IdParams, response: { 200: Service, ...errorResponses } } },
    async (request) => getServiceById(deps, request.params.id, principalOf(request)));
  app.patch('/api/v1/services/:id', { schema: { tags, summary: 'Change a service (admin)', params: IdParams, body: UpdateServiceBody, response: { 200: Service, ...errorResponses } } },
    async (request) => updateService(deps, request.params.id, request.body, principalOf(request)));
};
