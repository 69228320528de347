import type { App } from '@slack/bolt';
import type { SlackInbound } from '../receiver/slack-app.js';
import { registerOncallMention } from './mention-listener.js';
import { registerOncallCommand } from './oncall-command.js';

/** Reaching the on-call from Slack: a mention of the app with `oncall`, and `/oncall`. */
export function registerOncall(app: App, inbound: SlackInbound): void {
  registerOncallMention(app, inbound);
  registerOncallCommand(app, inbound);
}
