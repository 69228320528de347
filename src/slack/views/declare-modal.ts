import type { types } from '@slack/bolt';
import { VIEW } from '../action-ids.js';
import type { IncidentView } from '../../usecases/incidents/incident-view.js';
import { INPUT, optionText, plain, selectedValue, selectedValues, textValue, type ViewValues } from './view-state.js';

export const DECLARE_BLOCK = { title: 'title', severity: 'severity', services: 'services', summary: 'summary' } as const;

/** Static selects take at most 100 options. */
export const MAX_SERVICE_OPTIONS = 100;

export interface DeclareModalInput {
  title: string | undefined;
  severities: readonly string[];
  defaultSeverity: string;
  services: ReadonlyArray<{ id: string; name: string }>;
  /** Where `/incident declare` was run. */
  channelId: string;
}

/** `/incident declare [title]`: title, severity, services and summary. */
export function declareModal(input: DeclareModalInput): types.ModalView {
  const severityOptions = input.severities.map((s) => ({ text: optionText(s), value: s }));
  const blocks: types.KnownBlock[] = [
    {
      type: 'input',
      block_id: DECLARE_BLOCK.title,
      label: plain('Title'),
      element: {
        type: 'plain_text_input',
        action_id: INPUT,
        max_length: 200,
        placeholder: plain('What is broken, as customers see it'),
        ...(input.title ? { initial_value: [...input.title].slice(0, 200).join('') } : {}),
      },
    },
    {
      type: 'input',
      block_id: DECLARE_BLOCK.severity,
      label: plain('Severity'),
      element: {
        type: 'static_select',
        action_id: INPUT,
        options: severityOptions,
        initial_option: severityOptions.find((o) => o.value === input.defaultSeverity) ?? severityOptions.at(-1)!,
      },
    },
  ];
  if (input.services.length) {
    blocks.push({
      type: 'input',
      block_id: DECLARE_BLOCK.services,
      optional: true,
      label: plain('Affected services'),
      element: {
        type: 'multi_static_select',
        action_id: INPUT,
        placeholder: plain('Choose services'),
        options: input.services.slice(0, MAX_SERVICE_OPTIONS).map((s) => ({ text: optionText(s.name), value: s.id })),
      },
    });
  }
  blocks.push({
    type: 'input',
    block_id: DECLARE_BLOCK.summary,
    optional: true,
    label: plain('Summary'),
    element: { type: 'plain_text_input', action_id: INPUT, multiline: true, max_length: 3000 },
  });
  return {
    type: 'modal',
    callback_id: VIEW.declare,
    private_metadata: JSON.stringify({ channelId: input.channelId }),
    title: plain('Declare an incident'),
    submit: plain('Declare'),
    close: plain('Cancel'),
    blocks,
  };
}

export interface DeclareSubmission {
  title: string;
  severity: string | undefined;
  services: string[];
  summary: string | undefined;
}

export function readDeclareSubmission(values: ViewValues): DeclareSubmission {
  return {
    title: textValue(values, DECLARE_BLOCK.title) ?? '',
    severity: selectedValue(values, DECLARE_BLOCK.severity),
    services: selectedValues(values, DECLARE_BLOCK.services),
    summary: textValue(values, DECLARE_BLOCK.summary),
  };
}

/** The block showing a use-case field's error: `services[1]` → `services`; others under the title. */
export function declareBlockOf(field: string): string {
  const name = field.split(/[[.]/)[0]!;
  return (Object.values(DECLARE_BLOCK) as string[]).includes(name) ? name : DECLARE_BLOCK.title;
}

/** What the modal turns into once the incident is declared. */
export function declaredModal(incident: IncidentView): types.ModalView {
  return {
    type: 'modal',
    callback_id: `${VIEW.declare}_done`,
    title: plain('Incident declared'),
    close: plain('Done'),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${incident.reference}* ${escapeMrkdwn(incident.title)}\nSeverity *${incident.severity}*, status *${incident.status}*. Its channel is being set up; you will be invited.`,
        },
      },
    ],
  };
}

/** Slack's three control characters in text people typed. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
