import { FIELD_TYPES_FOR_ANSWER } from './fields.js';
import { type DocumentPath, type ProblemList, quote } from './problems.js';
import { checkKeys, isRecord, readBoolean, readLocalized, readNumber, readOneOf, readString } from './read.js';
import { ANSWER_TYPES, type AnswerValidation, type AskStep, type ChoiceOption, type KnownFields } from './types.js';

export function readAsk(
  raw: Record<string, unknown>,
  at: DocumentPath,
  base: { id: string; next?: string },
  fields: KnownFields,
  problems: ProblemList,
): AskStep {
  checkKeys(raw, ['id', 'type', 'question', 'help', 'answer', 'options', 'validation', 'writesTo', 'next'], at, problems);
  const answer = readOneOf(raw.answer, ANSWER_TYPES, [...at, 'answer'], problems, 'answer type') ?? 'text';
  const isChoice = answer === 'choice' || answer === 'multi-choice';
  let options: ChoiceOption[] | undefined;
  if (isChoice) {
    options = readOptions(raw.options, [...at, 'options'], problems);
  } else if (raw.options !== undefined) {
    problems.error([...at, 'options'], `only choice and multi-choice questions have options (this one is ${answer})`);
  }
  const validation = readValidation(raw.validation, [...at, 'validation'], answer, options, problems);
  const step: AskStep = {
    ...base,
    type: 'ask',
    question: readLocalized(raw.question, [...at, 'question'], problems, true) ?? {},
    answer,
    validation,
  };
  const help = readLocalized(raw.help, [...at, 'help'], problems, false);
  if (help) step.help = help;
  if (options) step.options = options;
  if (raw.writesTo !== undefined) {
    const field = readString(raw.writesTo, [...at, 'writesTo'], problems, true);
    if (field !== undefined && checkWritesTo(field, step, fields, [...at, 'writesTo'], problems)) step.writesTo = field;
  }
  return step;
}

function readOptions(raw: unknown, at: DocumentPath, problems: ProblemList): ChoiceOption[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.error(at, 'a choice question needs a non-empty list of options');
    return [];
  }
  const options: ChoiceOption[] = [];
  raw.forEach((item, index) => {
    const itemAt = [...at, index];
    if (typeof item === 'string' || typeof item === 'number') {
      const value = readString(String(item), itemAt, problems, true);
      if (value !== undefined) options.push({ value, label: { en: value } });
      return;
    }
    if (!isRecord(item)) {
      problems.error(itemAt, `must be a string or {value, label} (got ${quote(item)})`);
      return;
    }
    checkKeys(item, ['value', 'label'], itemAt, problems);
    const value = readString(typeof item.value === 'number' ? String(item.value) : item.value, [...itemAt, 'value'], problems, true);
    const label = readLocalized(item.label, [...itemAt, 'label'], problems, false);
    if (value !== undefined) options.push({ value, label: label ?? { en: value } });
  });
  const seen = new Set<string>();
  options.forEach((option, index) => {
    if (seen.has(option.value)) problems.error([...at, index], `duplicate option ${quote(option.value)}`);
    seen.add(option.value);
  });
  return options;
}

function readValidation(
  raw: unknown,
  at: DocumentPath,
  answer: AskStep['answer'],
  options: ChoiceOption[] | undefined,
  problems: ProblemList,
): AnswerValidation {
  if (raw === undefined || raw === null) return { required: false };
  if (!isRecord(raw)) {
    problems.error(at, 'must be a map of required, min, max, pattern');
    return { required: false };
  }
  checkKeys(raw, ['required', 'min', 'max', 'pattern'], at, problems);
  const validation: AnswerValidation = { required: readBoolean(raw.required, [...at, 'required'], problems, false) };
  const countsOrLengths = answer === 'text' || answer === 'multi-choice';
  for (const bound of ['min', 'max'] as const) {
    if (raw[bound] === undefined) continue;
    if (answer !== 'number' && !countsOrLengths) {
      problems.error([...at, bound], `does not apply to a ${answer} answer (only number, text and multi-choice)`);
      continue;
    }
    const value = readNumber(raw[bound], [...at, bound], problems);
    if (value === undefined) continue;
    if (countsOrLengths && (!Number.isInteger(value) || value < 0)) {
      problems.error([...at, bound], `must be a whole number of ${answer === 'text' ? 'characters' : 'picks'} (got ${value})`);
      continue;
    }
    if (answer === 'multi-choice' && options && options.length && value > options.length) {
      problems.error([...at, bound], `is more than the ${options.length} options there are`);
      continue;
    }
    validation[bound] = value;
  }
  if (validation.min !== undefined && validation.max !== undefined && validation.min > validation.max) {
    problems.error([...at, 'min'], `must not be more than max (${validation.min} > ${validation.max}): no answer could pass`);
  }
  if (raw.pattern !== undefined) {
    const pattern = readString(raw.pattern, [...at, 'pattern'], problems, true);
    if (pattern !== undefined && answer !== 'text') {
      problems.error([...at, 'pattern'], `only a text answer can have a pattern (this one is ${answer})`);
    } else if (pattern !== undefined) {
      try {
        new RegExp(pattern, 'u');
        validation.pattern = pattern;
      } catch (error) {
        problems.error([...at, 'pattern'], `is not a valid regular expression: ${(error as Error).message}`);
      }
    }
  }
  return validation;
}

function checkWritesTo(field: string, step: AskStep, fields: KnownFields, at: DocumentPath, problems: ProblemList): boolean {
  const known = Object.hasOwn(fields, field) ? fields[field] : undefined;
  if (!known) {
    problems.error(at, `unknown incident field ${quote(field)} (known: ${Object.keys(fields).join(', ') || 'none'})`);
    return false;
  }
  const fits = FIELD_TYPES_FOR_ANSWER[step.answer];
  if (!fits.includes(known.type)) {
    problems.error(
      at,
      `field ${quote(field)} holds a ${known.type}, which a ${step.answer} answer cannot fill` +
        (fits.length ? ` (a ${step.answer} answer fits ${fits.join(' or ')} fields)` : ' (a multi-choice answer cannot be written to a field)'),
    );
    return false;
  }
  if (known.type === 'choice' && known.options) {
    const foreign = (step.options ?? []).filter((option) => !known.options!.includes(option.value));
    if (foreign.length) {
      problems.error(at, `field ${quote(field)} does not accept ${foreign.map((o) => quote(o.value)).join(', ')} (it accepts ${known.options.join(', ')})`);
      return false;
    }
  }
  return true;
}
