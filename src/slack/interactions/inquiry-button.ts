import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { recordInquiry } from '../../usecases/incidents/record-inquiry.js';
import { explainError } from '../receiver/explain-error.js';
import type { SlackInbound } from '../receiver/slack-app.js';
import { ACK_PROFILE_DEADLINE_MS, slackPrincipal } from '../receiver/slack-person.js';
import { answerPrivately } from './answer-person.js';

/**
 * "Another customer reported this" under the broadcast announcement: one more inquiry, no
 * ticket id (each click counts). The clicker is told the new count, only them.
 */
export function recordInquiryClick(inbound: SlackInbound) {
  return async ({ action, body, ack, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    let answer: string;
    try {
      const principal = await slackPrincipal(inbound.deps, client, body.user.id, { deadlineMs: ACK_PROFILE_DEADLINE_MS });
      const { inquiry } = await recordInquiry(inbound.deps, action.value ?? '', { source: 'slack' }, principal);
      answer = inquiryRecordedText(inquiry.reference, inquiry.count);
    } catch (error) {
      answer = explainError(error, inbound.logger);
    }
    await ack();
    await answerPrivately(client, { channelId: body.channel?.id, userId: body.user.id, respond }, answer, inbound.logger);
  };
}

export function inquiryRecordedText(reference: string, count: number): string {
  return `:telephone_receiver: Thanks: the inquiry is counted. ${reference} has ${count} customer ${count === 1 ? 'inquiry' : 'inquiries'} now.\n問い合わせを記録しました。${reference} の問い合わせは計 ${count} 件です。`;
}
