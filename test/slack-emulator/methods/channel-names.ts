import { fail } from '../errors.js';

/**
 * Slack's channel-name rules for `conversations.create`: required, at most 80 characters,
 * only lowercase a-z, 0-9, `-` and `_`, and not punctuation only.
 */
export function validateChannelName(name: string | undefined): string {
  if (name === undefined || name.trim() === '') fail('invalid_name_required');
  if ([...name].length > 80) fail('invalid_name_maxlength');
  if (/[^a-z0-9_-]/.test(name)) fail('invalid_name_specials');
  if (/^[-_]+$/.test(name)) fail('invalid_name_punctuation');
  return name;
}
