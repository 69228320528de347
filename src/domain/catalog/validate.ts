import { ValidationError } from '../../errors.js';

export function validName(value: string, field = 'name', max = 120): string {
  const name = value.trim();
  if (!name) throw new ValidationError(field, 'must not be empty');
  if ([...name].length > max) throw new ValidationError(field, `must be at most ${max} characters`);
  return name;
}

export function validEmail(value: string, field = 'email'): string {
  const email = value.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new ValidationError(field, `must be an email address (got "${value}")`);
  }
  return email;
}

export function validTimeZone(value: string, field = 'timeZone'): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new ValidationError(field, `must be an IANA time zone such as Asia/Tokyo (got "${value}")`);
  }
}

export function validSlackUserId(value: string, field = 'slackUserId'): string {
  if (!/^[UW][A-Z0-9]{2,}$/.test(value)) {
    throw new ValidationError(field, `must be a Slack user id such as U024BE7LH (got "${value}")`);
  }
  return value;
}

export function validTier(value: number, field = 'tier'): number {
  if (!Number.isInteger(value) || value < 1 || value > 4) {
    throw new ValidationError(field, 'must be an integer from 1 (most critical) to 4');
  }
  return value;
}
