import type { Command } from '../command.js';
import { alertAck, alertList, alertResolve, alertShow } from './alerts.js';
import { incidentDeclare, incidentList, incidentResolve, incidentShow, incidentUpdate } from './incident.js';
import { integrationCreate, integrationList, integrationRotateToken } from './integrations.js';
import { escalationCreate, escalationDelete, escalationList, escalationShow } from './escalation.js';
import { migrate } from './migrate.js';
import { pageAck, pageCreate, pageList, pageResolve, pageShow } from './page.js';
import { postmortemExport, postmortemShow } from './postmortem.js';
import { reportWeekly } from './reports.js';
import { oncall } from './oncall.js';
import { scheduleCreate, scheduleImport, scheduleList, scheduleShow } from './schedule.js';
import { scheduleRotaSource } from './schedule-rota-source.js';
import { scheduleUserGroup } from './schedule-user-group.js';
import { serve } from './serve.js';
import { severityCheck, severityEval } from './severity.js';
import { sloImport, sloList, sloPush, sloShow } from './slos.js';
import { tokenCreate } from './token.js';
import { userAdd } from './user.js';

/** Every command, in the order help lists them. */
export const commands: readonly Command[] = [
  serve,
  migrate,
  userAdd,
  tokenCreate,
  incidentDeclare,
  incidentList,
  incidentShow,
  incidentUpdate,
  incidentResolve,
  severityEval,
  severityCheck,
  oncall,
  scheduleList,
  scheduleShow,
  scheduleCreate,
  scheduleImport,
  scheduleRotaSource,
  scheduleUserGroup,
  escalationList,
  escalationShow,
  escalationCreate,
  escalationDelete,
  pageCreate,
  pageList,
  pageShow,
  pageAck,
  pageResolve,
  postmortemShow,
  postmortemExport,
  reportWeekly,
  integrationCreate,
  integrationList,
  integrationRotateToken,
  alertList,
  alertShow,
  alertAck,
  alertResolve,
  sloList,
  sloShow,
  sloImport,
  sloPush,
];
