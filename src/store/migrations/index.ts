import type { Migration } from 'kysely';
import * as initial from './20261128_0001_initial.js';
import * as slack from './20261128_0002_slack.js';
import * as schedules from './20261128_0003_schedules.js';
import * as paging from './20261201_0004_paging.js';
import * as oncallUserGroups from './20261201_0005_oncall_user_groups.js';
import * as rotaSources from './20261201_0006_rota_sources.js';
import * as runbooks from './20261201_0007_runbooks.js';
import * as postmortems from './20261201_0008_postmortems.js';
import * as incidentFields from './20261201_0009_incident_fields.js';
import * as alerts from './20261201_0010_alerts.js';
import * as alertRouting from './20261201_0011_alert_routing.js';
import * as severity from './20261201_0012_severity.js';
import * as slos from './20261201_0013_slos.js';
import * as incidentSloImpacts from './20261201_0014_incident_slo_impacts.js';
import * as reportIndexes from './20261201_0015_report_indexes.js';

/** Every migration, in order. Names are frozen once released. */
export const migrations: Record<string, Migration> = {
  '20261128_0001_initial': initial,
  '20261128_0002_slack': slack,
  '20261128_0003_schedules': schedules,
  '20261201_0004_paging': paging,
  '20261201_0005_oncall_user_groups': oncallUserGroups,
  '20261201_0006_rota_sources': rotaSources,
  '20261201_0007_runbooks': runbooks,
  '20261201_0008_postmortems': postmortems,
  '20261201_0009_incident_fields': incidentFields,
  '20261201_0010_alerts': alerts,
  '20261201_0011_alert_routing': alertRouting,
  '20261201_0012_severity': severity,
  '20261201_0013_slos': slos,
  '20261201_0014_incident_slo_impacts': incidentSloImpacts,
  '20261201_0015_report_indexes': reportIndexes,
};
