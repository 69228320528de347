/**
 * Runs the Slack Web API emulator standalone with a demo workspace:
 *   npm run slack:emulator        (port from SLACK_EMULATOR_PORT, default 3999)
 * Point Hikeshi at it with SLACK_API_URL and the printed tokens.
 */
import { startSlackEmulator } from './index.js';

const BOT_SCOPES = [
  'channels:manage', 'channels:join', 'channels:read', 'channels:history', 'channels:write.invites', 'channels:write.topic',
  'groups:write', 'groups:read', 'groups:history', 'groups:write.invites', 'im:write', 'im:read', 'im:history',
  'chat:write', 'chat:write.public', 'commands', 'pins:write', 'pins:read', 'reactions:write', 'reactions:read',
  'users:read', 'users:read.email', 'usergroups:read', 'usergroups:write', 'bookmarks:write',
];
const ADMIN_USER_SCOPES = ['channels:write', 'channels:write.invites', 'groups:write', 'groups:write.invites', 'usergroups:write', 'usergroups:read', 'users:read'];

const port = Number(process.env.SLACK_EMULATOR_PORT ?? 3999);
const emulator = await startSlackEmulator({ port, host: process.env.SLACK_EMULATOR_HOST ?? '127.0.0.1' });
const ws = emulator.workspace;

const owner = ws.addUser({ name: 'olivia', real_name: 'Olivia Owner', kind: 'primary_owner', tz: 'Asia/Tokyo' });
const admin = ws.addUser({ name: 'adam', real_name: 'Adam Admin', kind: 'admin', tz: 'Europe/London' });
const members = ['mia', 'max', 'mei'].map((name) => ws.addUser({ name, real_name: `${name[0]!.toUpperCase()}${name.slice(1)} Member`, tz: 'Asia/Tokyo' }));
const contractor = ws.addUser({ name: 'gus', real_name: 'Gus Guest (multi-channel)', kind: 'multi_channel_guest', tz: 'America/New_York' });
const single = ws.addUser({ name: 'sina', real_name: 'Sina Guest (single-channel)', kind: 'single_channel_guest', tz: 'Europe/Berlin' });
const everyone = [owner, admin, ...members].map((u) => u.id);
ws.addChannel({ name: 'general', is_general: true, members: everyone, creator: owner.id, topic: 'Company-wide' });
ws.addChannel({ name: 'incidents', members: [...everyone, ws.botUser.id], creator: owner.id, topic: 'Incident announcements' });
ws.addChannel({ name: 'vendor-support', members: [owner.id, admin.id, contractor.id, single.id], creator: admin.id });
ws.addUsergroup({ name: 'On-call', handle: 'oncall', users: [members[0]!.id] });

const botToken = ws.issueBotToken(BOT_SCOPES);
const adminToken = ws.issueUserToken(admin.id, ADMIN_USER_SCOPES);
const appToken = ws.issueAppToken();

console.log(`Slack Web API emulator listening on ${emulator.origin}

SLACK_API_URL=${emulator.url}
SLACK_BOT_TOKEN=${botToken}
SLACK_USER_TOKEN=${adminToken}        # ${admin.name} (${admin.id}), workspace admin
SLACK_APP_TOKEN=${appToken}           # accepted by no Web API method here (no Socket Mode)
OAuth authorize URL: ${emulator.authorizeUrl}   (add &emulator_user=<user id> to choose the installer)

Team ${ws.team.id}; bot user ${ws.botUser.id}
${[...ws.users.values()].map((u) => `  ${u.id}  ${u.name.padEnd(10)} ${describe(u)}`).join('\n')}
Channels: ${[...ws.channels.values()].map((c) => `#${c.name} (${c.id})`).join(', ')}`);

function describe(u: { is_primary_owner: boolean; is_owner: boolean; is_admin: boolean; is_ultra_restricted: boolean; is_restricted: boolean; is_bot: boolean }): string {
  if (u.is_primary_owner) return 'primary owner';
  if (u.is_owner) return 'owner';
  if (u.is_admin) return 'admin';
  if (u.is_ultra_restricted) return 'single-channel guest';
  if (u.is_restricted) return 'multi-channel guest';
  if (u.is_bot) return 'bot';
  return 'member';
}

const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
