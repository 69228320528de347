import { whoIsOnCall } from '../../usecases/oncall/who-is-on-call.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { defineCommand } from '../command.js';
import { toJson } from '../output.js';
import { onCallTable } from '../present/oncall.js';
import { withDeps } from '../session.js';

export const oncall = defineCommand({
  name: 'oncall',
  summary: 'Show who is on call now or at an instant, per schedule, and until when',
  options: {
    at: { type: 'string', placeholder: 'ISO', description: 'An instant with Z or an offset, e.g. 2026-10-25T08:30:00Z (default now)' },
    schedule: { type: 'string', placeholder: 'SCHEDULE', description: 'Only this schedule (name or id)' },
    team: { type: 'string', placeholder: 'TEAM', description: "Only this team's schedules (name or id)" },
    service: { type: 'string', placeholder: 'SERVICE', description: "Only the schedules of this service's team (name or id)" },
  },
  notes: ['UNTIL is when the turn ends, in the schedule\'s own time zone; NEXT is who takes over.'],
  async run({ options, json, io }) {
    const answer = await withDeps((deps) =>
      whoIsOnCall(
        deps,
        {
          ...(options.at !== undefined && { at: options.at }),
          ...(options.schedule !== undefined && { schedule: options.schedule }),
          ...(options.team !== undefined && { team: options.team }),
          ...(options.service !== undefined && { service: options.service }),
        },
        SYSTEM_PRINCIPAL,
      ),
    );
    io.out(json ? toJson(answer) : onCallTable(answer));
  },
});
