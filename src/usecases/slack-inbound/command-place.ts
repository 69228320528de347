import { findChannelIncident } from '../../store/repositories/slack.js';
import type { Deps } from '../deps.js';

/** Where a slash command was run, and whether it may be run there. */
export interface CommandPlace {
  allowed: boolean;
  /** The incident whose channel this is. */
  incidentId: string | undefined;
  /** `settings.slack.commandChannels`; absent: anywhere. Incident channels are always allowed. */
  commandChannels: readonly string[] | undefined;
}

export async function findCommandPlace(deps: Deps, channelId: string): Promise<CommandPlace> {
  const commandChannels = deps.settings.slack.commandChannels;
  const channel = await findChannelIncident(deps.db, channelId);
  return {
    allowed: channel !== undefined || commandChannels === undefined || commandChannels.includes(channelId),
    incidentId: channel?.incidentId,
    commandChannels,
  };
}
