/** English UI text of the incident's facts panel (spread into en.ts). */
export const factsEn = {
  'timeline.severityProposed': '{actor} proposed changing the severity from {from} to {to}',
  'timeline.severityProposalDismissed': '{actor} kept the severity instead of the proposed {to}',
  'timeline.severityProposalWithdrawn': '{actor} withdrew the proposal of {to}: the facts changed back',
  'timeline.inquiryRecorded': '{actor} recorded a customer inquiry ({count} in all)',
  'facts.title': 'Facts',
  'facts.yes': 'Yes',
  'facts.no': 'No',
  'facts.unknown': '—',
  'facts.addInquiry': '+1 inquiry',
  'proposal.title.milder': 'The severity policy proposes a milder severity',
  'proposal.title.person_set': 'The severity policy disagrees with the severity a person set',
  'proposal.title.worse_needs_confirmation': 'The severity policy proposes a worse severity',
  'proposal.rules': 'Rules: {rules}',
  'proposal.confirm': 'Change to {severity}',
  'proposal.dismiss': 'Keep the current severity',
} as const;
