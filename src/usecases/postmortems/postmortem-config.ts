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
  let template = DEFAULT_TEMPLATE;
  if (given.template !== undefined) {
    const checked = validateTemplate(given.template);
    template = checked.template ?? refuse('template', checked.problems);
  }
  let checklist = DEFAULT_CHECKLIST;
  if (given.checklist !== undefined) {
    const checked = validateChecklist(given.checklist, template);
    checklist = checked.checklist ?? refuse('checklist', checked.problems);
  }
  return {
    template,
    checklist,
    reminderHoursBefore: given.reminderHoursBefore ?? DEFAULT_REMINDER_LEAD_HOURS,
    generate: { language: given.language ?? 'en', timeZone: given.timeZone ?? 'UTC' },
  };
}

function refuse(key: string, problems: ReadonlyArray<{ path: string; message: string }>): never {
  const first = problems[0];
  throw new Error(`settings postmortems.${key}${first ? ` ${first.path}: ${first.message}` : ' is invalid'}`);
}
