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
  // A page's direct message (src/slack/paging): the button's value is the page id.
  acknowledgePage: 'page_acknowledge',
  resolvePage: 'page_resolve',
} as const;

export const VIEW = {
  declare: 'incident_declare',
  assignRole: 'incident_assign_role_modal',
} as const;
