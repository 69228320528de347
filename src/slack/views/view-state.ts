import type { ViewOutput } from '@slack/bolt';

export type ViewValues = ViewOutput['state']['values'];

/** Every Hikeshi modal input uses this action id; the block id names the field. */
export const INPUT = 'value';

export const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** Slack caps option texts at 75 characters. */
export const optionText = (text: string) => plain([...text].length > 75 ? `${[...text].slice(0, 74).join('')}…` : text);

export function textValue(values: ViewValues, block: string): string | undefined {
  const value = values[block]?.[INPUT]?.value;
  return value === null || value === undefined ? undefined : value;
}

export function selectedValue(values: ViewValues, block: string): string | undefined {
  return values[block]?.[INPUT]?.selected_option?.value ?? undefined;
}

export function selectedValues(values: ViewValues, block: string): string[] {
  return (values[block]?.[INPUT]?.selected_options ?? []).map((o) => o.value);
}

export function selectedUser(values: ViewValues, block: string): string | undefined {
  return values[block]?.[INPUT]?.selected_user ?? undefined;
}
