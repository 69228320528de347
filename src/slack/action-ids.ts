/**
 * The ids Slack echoes back from Hikeshi's messages and modals: the blocks that render them
 * (src/slack/blocks) and the handlers that receive them (src/slack/interactions) share
 * these names. Buttons and selects carry the incident id as their `value`
 * (selects: `block_id` = incident id).
 */
export const ACTION = {
  acknowledge: 'incident_acknowledge',
  setStatus: 'incident_set_status',
  setSeverity: 'incident_set_severity',
  assignRole: 'incident_assign_role',
  resolve: 'incident_resolve',
  // The broadcast announcement's "Another customer reported this": one more inquiry (value: incident id).
  recordInquiry: 'incident_record_inquiry',
  // A page's direct message (src/slack/paging): the button's value is the page id.
  acknowledgePage: 'page_acknowledge',
  resolvePage: 'page_resolve',
} as const;

/**
 * A runbook run's message (src/slack/runbooks): button values and answer block ids are
 * `<run id>|<step id>`, so a click on a step already answered is recognised as stale.
 */
export const RUNBOOK_ACTION = {
  answerYes: 'runbook_answer_yes',
  answerNo: 'runbook_answer_no',
  answerSelect: 'runbook_answer_select',
  answerUser: 'runbook_answer_user',
  /** The "Answer" button under a typed answer; the answer is read from the message's input state. */
  answerInput: 'runbook_answer_input',
  /** The element inside a question's input block (never dispatched by itself). */
  input: 'runbook_input',
  complete: 'runbook_complete',
  proceed: 'runbook_proceed',
  skip: 'runbook_skip',
  back: 'runbook_back',
} as const;

/** A severity proposal's buttons (src/slack/severity): the value is `<incident id>|<proposal id>`, so a stale click is recognised. */
export const SEVERITY_ACTION = {
  confirm: 'severity_confirm_proposal',
  dismiss: 'severity_dismiss_proposal',
} as const;

export const VIEW = {
  declare: 'incident_declare',
  assignRole: 'incident_assign_role_modal',
} as const;
