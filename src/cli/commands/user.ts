import { USER_ROLES } from '../../domain/catalog/user.js';
import { createUser } from '../../usecases/catalog/users.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { oneOf, UsageError } from '../args.js';
import { defineCommand } from '../command.js';
import { clean, toJson } from '../output.js';
import { withDeps } from '../session.js';

export const userAdd = defineCommand({
  name: 'user add',
  summary: 'Create a user who can sign in to the web app',
  options: {
    name: { type: 'string', required: true, placeholder: 'NAME', description: 'Full name' },
    email: { type: 'string', required: true, placeholder: 'EMAIL', description: 'Email address (the sign-in name)' },
    role: { type: 'string', placeholder: 'ROLE', description: `${USER_ROLES.join(', ')} (default responder)` },
    timezone: { type: 'string', placeholder: 'ZONE', description: 'IANA time zone, e.g. Asia/Tokyo (default UTC)' },
    'slack-user-id': { type: 'string', placeholder: 'ID', description: 'Slack user id, e.g. U024BE7LH' },
    'password-stdin': { type: 'boolean', description: 'Read the password from standard input (one line)' },
  },
  fields: { timeZone: 'timezone', slackUserId: 'slack-user-id' },
  notes: [
    'A password is never taken as an argument (other users can read arguments in `ps`):',
    "  printf '%s\\n' \"$PASSWORD\" | hikeshi user add --name 'Aiko Sato' --email aiko@example.com --password-stdin",
  ],
  async run({ options, json, io }) {
    const role = oneOf(options.role, 'role', USER_ROLES);
    let password: string | undefined;
    if (options['password-stdin']) {
      if (io.stdinIsTTY) throw new UsageError('--password-stdin reads a pipe, not the terminal (see the example in --help)');
      password = (await io.readStdin()).replace(/\r?\n$/, '');
    }
    const user = await withDeps((deps) =>
      createUser(
        deps,
        {
          name: options.name!,
          email: options.email!,
          ...(role && { role }),
          ...(options.timezone !== undefined && { timeZone: options.timezone }),
          ...(options['slack-user-id'] !== undefined && { slackUserId: options['slack-user-id'] }),
          ...(password !== undefined && { password }),
        },
        SYSTEM_PRINCIPAL,
      ),
    );
    if (json) return io.out(toJson(user));
    io.out(
      `Created user ${clean(user.name)} <${user.email}>: ${user.role}, ${user.timeZone}, id ${user.id}.\n` +
        (password === undefined ? 'They cannot sign in until they are given a credential.\n' : 'They can sign in now.\n'),
    );
  },
});
