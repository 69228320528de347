import { incidentReference } from '../../domain/incidents/incident.js';
import { findIncidentById } from '../../store/repositories/incidents.js';
import { findRun, setRunMessage } from '../../store/repositories/runbooks.js';
import { findIncidentChannel } from '../../store/repositories/slack.js';
import { NotFoundError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { viewRun, type RunView } from './run-view.js';

export interface RunMessage {
  run: RunView;
  incident: { id: string; reference: string; title: string };
  /** The incident channel; undefined while it is being created. */
  channelId: string | undefined;
  /** The run's message, once posted. */
  ts: string | null;
}

/** What the Slack job renders: the run as it is now and where its message lives. */
export async function readRunMessage(deps: Deps, runId: string): Promise<RunMessage> {
  const run = await findRun(deps.db, runId);
  if (!run) throw new NotFoundError('runbook run', runId);
  const incident = await findIncidentById(deps.db, run.incidentId);
  if (!incident) throw new NotFoundError('incident', run.incidentId);
  const channel = await findIncidentChannel(deps.db, incident.id);
  return {
    run: await viewRun(deps.db, run),
    incident: { id: incident.id, reference: incidentReference(incident.number), title: incident.title },
    channelId: channel?.channelId,
    ts: run.slackChannel === channel?.channelId ? run.slackTs : null,
  };
}

/** Remembers the run's message so later moves replace it (chat.update) instead of posting again. */
export async function recordRunMessage(deps: Deps, runId: string, channelId: string, ts: string): Promise<void> {
  await setRunMessage(deps.db, runId, channelId, ts);
}
