import { USER_ROLES } from '../../domain/catalog/user.js';
import { createApiToken } from '../../usecases/auth/api-tokens.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { oneOf } from '../args.js';
import { defineCommand } from '../command.js';
import { clean, toJson } from '../output.js';
import { withDeps } from '../session.js';

export const tokenCreate = defineCommand({
  name: 'token create',
  summary: 'Create an API token; it is printed once and only its hash is kept',
  options: {
    name: { type: 'string', required: true, placeholder: 'NAME', description: 'What the token is for, e.g. ci' },
    role: { type: 'string', placeholder: 'ROLE', description: `${USER_ROLES.join(', ')} (default responder)` },
  },
  notes: [
    'The token alone goes to standard output, so it can be captured:',
    '  TOKEN=$(hikeshi token create --name ci --role responder)',
    'Use it as `Authorization: Bearer <token>`.',
  ],
  async run({ options, json, io }) {
    const role = oneOf(options.role, 'role', USER_ROLES) ?? 'responder';
    const created = await withDeps((deps) => createApiToken(deps, { name: options.name!, role }, SYSTEM_PRINCIPAL));
    if (json) return io.out(toJson(created));
    io.out(`${created.token}\n`);
    io.err(
      `Created API token "${clean(created.record.name)}" (${created.record.role}, id ${created.record.id}).\n` +
        'It is shown only this once: store it now.\n',
    );
  },
});
