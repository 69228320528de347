import type { Settings } from '../../config/settings.js';
import { DEFAULT_CHECKLIST, validateChecklist, type ChecklistItem } from '../../domain/postmortems/checklist.js';
import type { GenerateOptions } from '../../domain/postmortems/generate.js';
import { DEFAULT_REMINDER_LEAD_HOURS } from '../../domain/postmortems/reminders.js';
import { DEFAULT_TEMPLATE, validateTemplate, type PostmortemTemplate } from '../../domain/postmortems/template.js';

export interface PostmortemConfig {
  template: PostmortemTemplate;
  checklist: ChecklistItem[];
  reminderHoursBefore: readonly number[];
  generate: GenerateOptions;
}

/**
 * The team's template, checklist and reminder times from the settings file, defaults
 * otherwise. The file was validated at load; settings built in code are checked here too.
 */
export function postmortemConfig(settings: Settings): PostmortemConfig {
  const given = settings.postmortems ?? {};
  const template = given.template === undefined ? DEFAULT_TEMPLATE : validated('template', validateTemplate(given.template));
  const checklist = given.checklist === undefined ? DEFAULT_CHECKLIST : validated('checklist', validateChecklist(given.checklist, template));
  return {
    template,
    checklist,
    reminderHoursBefore: given.reminderHoursBefore ?? DEFAULT_REMINDER_LEAD_HOURS,
    generate: { language: given.language ?? 'en', timeZone: given.timeZone ?? 'UTC' },
  };
}

function validated<T>(key: string, result: { template?: T; checklist?: T; problems: Array<{ path: string; message: string }> }): T {
  const value = result.template ?? result.checklist;
  if (value !== undefined) return value;
  const first = result.problems[0];
  throw new Error(`settings postmortems.${key}${first ? ` ${first.path}: ${first.message}` : ' is invalid'}`);
}
