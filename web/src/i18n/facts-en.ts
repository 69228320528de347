/** English UI text of the incident's facts panel (spread into en.ts). */
export const factsEn = {
  'facts.title': 'Facts',
  'facts.yes': 'Yes',
  'facts.no': 'No',
  'facts.unknown': '—',
  'facts.addInquiry': '+1 inquiry',
} as const;
