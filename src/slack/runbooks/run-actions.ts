import type { AllMiddlewareArgs, App, BlockAction, BlockElementAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AnswerInput } from '../../domain/runbooks/answers.js';
import type { Principal } from '../../usecases/principal.js';
import { goBackInRun, moveRunStep, type StepMove } from '../../usecases/runbooks/move-run.js';
import { RUNBOOK_ACTION } from '../action-ids.js';
import { answerPrivately } from '../interactions/answer-person.js';
import { explainError } from '../receiver/explain-error.js';
import type { SlackInbound } from '../receiver/slack-app.js';
import { ACK_PROFILE_DEADLINE_MS, slackPrincipal } from '../receiver/slack-person.js';
import { parseStepRef } from './step-message.js';

type Args = SlackActionMiddlewareArgs<BlockAction<BlockElementAction>> & AllMiddlewareArgs;
type StepTarget = { runId: string; stepId: string };
/** What a click means: the move on the step it names. */
type Read = (args: Args, principal: Principal) => Promise<{ target: StepTarget | undefined; move: StepMove | 'back' }>;

/** What a message's input block holds, as Slack sends it in `state.values`. */
interface InputState {
  type?: string;
  value?: string | null;
  selected_options?: Array<{ value: string }>;
  selected_date_time?: number | null;
}

/**
 * The buttons and selects of a runbook run's message. Anyone in the channel may answer; the
 * use case moves the run and enqueues the message's replacement. A click on a step that was
 * already answered (two people at once, an old message) is told ephemerally who answered it.
 */
export function registerRunbookActions(app: App, inbound: SlackInbound): void {
  const byValue = (move: StepMove | 'back'): Read => async ({ action }) => ({ target: parseStepRef(valueOf(action)), move });
  app.action(RUNBOOK_ACTION.answerYes, handle(inbound, byValue({ action: 'answer', value: 'yes' })));
  app.action(RUNBOOK_ACTION.answerNo, handle(inbound, byValue({ action: 'answer', value: 'no' })));
  app.action(RUNBOOK_ACTION.complete, handle(inbound, byValue({ action: 'complete' })));
  app.action(RUNBOOK_ACTION.proceed, handle(inbound, byValue({ action: 'proceed' })));
  app.action(RUNBOOK_ACTION.skip, handle(inbound, byValue({ action: 'skip' })));
  app.action(RUNBOOK_ACTION.back, handle(inbound, byValue('back')));
  app.action(
    RUNBOOK_ACTION.answerSelect,
    handle(inbound, async ({ action }) => ({
      target: answerBlockTarget(action.block_id),
      move: { action: 'answer', value: action.type === 'static_select' ? action.selected_option?.value : undefined },
    })),
  );
  app.action(
    RUNBOOK_ACTION.answerUser,
    handle(inbound, async ({ action, client }) => {
      const slackId = action.type === 'users_select' ? action.selected_user : undefined;
      // The answer names a Hikeshi user: a person picked for the first time is enrolled from Slack.
      const person = slackId ? await slackPrincipal(inbound.deps, client, slackId, { deadlineMs: ACK_PROFILE_DEADLINE_MS }) : undefined;
      return { target: answerBlockTarget(action.block_id), move: { action: 'answer', value: person?.userId ?? slackId } };
    }),
  );
  app.action(
    RUNBOOK_ACTION.answerInput,
    handle(inbound, async ({ action, body }) => {
      const target = parseStepRef(valueOf(action));
      const values = (body.state?.values ?? {}) as Record<string, Record<string, InputState>>;
      const blockId = target && Object.keys(values).find((id) => id.startsWith(`${target.runId}|${target.stepId}|`));
      const input = blockId ? values[blockId]?.[RUNBOOK_ACTION.input] : undefined;
      return { target, move: { action: 'answer', value: inputValue(input) } };
    }),
  );
}

function handle(inbound: SlackInbound, read: Read) {
  return async (args: Args): Promise<void> => {
    const { body, ack, client, respond } = args;
    let refusal: string | undefined;
    try {
      const principal = await slackPrincipal(inbound.deps, client, body.user.id, { deadlineMs: ACK_PROFILE_DEADLINE_MS });
      const { target, move } = await read(args, principal);
      if (!target) throw new Error('a runbook button without its run and step');
      if (move === 'back') await goBackInRun(inbound.deps, target.runId, principal, target.stepId);
      else await moveRunStep(inbound.deps, target.runId, target.stepId, move, principal);
    } catch (error) {
      refusal = explainError(error, inbound.logger);
    }
    await ack();
    if (refusal) await answerPrivately(client, { channelId: body.channel?.id, userId: body.user.id, respond }, refusal, inbound.logger);
  };
}

function valueOf(action: BlockElementAction): string | undefined {
  return 'value' in action && typeof action.value === 'string' ? action.value : undefined;
}

/** Selects sit in a block `runbook_answer|<run>|<step>`. */
function answerBlockTarget(blockId: string): StepTarget | undefined {
  const [prefix, ...rest] = blockId.split('|');
  return prefix === 'runbook_answer' ? parseStepRef(rest.join('|')) : undefined;
}

function inputValue(input: InputState | undefined): AnswerInput {
  if (!input) return undefined;
  if (input.selected_options) return input.selected_options.map((o) => o.value);
  if (typeof input.selected_date_time === 'number') return input.selected_date_time;
  return input.value ?? undefined;
}
