import type { App, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { findOncall } from '../../usecases/slack-inbound/oncall-mention.js';
import { pageOncall } from '../../usecases/slack-inbound/page-oncall.js';
import { explainError } from '../receiver/explain-error.js';
import type { SlackInbound } from '../receiver/slack-app.js';
import { ACK_PROFILE_DEADLINE_MS, slackPrincipal } from '../receiver/slack-person.js';
import { pageLink, pagedText } from '../paging/paged-text.js';
import { knownNames } from './known-names.js';
import { oncallAnswerText } from './answer-text.js';
import { pageRequest } from './parse-mention.js';
import { mentionedUsers, plainText } from './slack-text.js';

export const ONCALL_COMMAND = '/oncall';

interface CommandAnswer {
  response_type: 'in_channel' | 'ephemeral';
  text: string;
}

/**
 * `/oncall [schedule, team or service] [question]`, from any channel: answered in the
 * acknowledgement itself, `in_channel`, so the people on call are mentioned where the asker
 * is (Slack shows such an answer even where the app is not a member). An unknown name or a
 * refusal is answered to the asker alone. `/oncall page [policy or schedule] <message>`
 * pages instead and tells the asker alone who is being notified.
 */
export function registerOncallCommand(app: App, inbound: SlackInbound): void {
  app.command(ONCALL_COMMAND, async ({ command, ack, client }) => {
    await ack(await answer(inbound, command, client));
  });
}

async function answer({ deps, logger }: SlackInbound, command: SlashCommand, client: WebClient): Promise<CommandAnswer> {
  try {
    const principal = await slackPrincipal(deps, client, command.user_id, { deadlineMs: ACK_PROFILE_DEADLINE_MS });
    const raw = command.text ?? '';
    const text = plainText(raw, await knownNames(deps, mentionedUsers(raw)));
    const page = pageRequest(text);
    if (page !== undefined) {
      const paged = await pageOncall(deps, page, principal);
      return { response_type: 'ephemeral', text: pagedText(paged.page, paged.target, pageLink(deps.settings.publicUrl, paged.page.id)) };
    }
    const lookup = await findOncall(deps, { text, mayName: true }, principal);
    return {
      response_type: lookup.kind === 'found' ? 'in_channel' : 'ephemeral',
      text: oncallAnswerText(lookup, { askerSlackUserId: command.user_id, askWith: ONCALL_COMMAND }),
    };
  } catch (error) {
    return { response_type: 'ephemeral', text: explainError(error, logger) };
  }
}
