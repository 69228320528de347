import type { Facts } from '../../domain/conditions/types.js';
import { buildFacts } from '../../domain/severity/build-facts.js';
import type { Incident } from '../../domain/incidents/incident.js';
import type { Executor } from '../../store/database.js';
import { listServicesByIds } from '../../store/repositories/services.js';
import { listOpenAlertFacts } from '../../store/repositories/severity.js';

/** What the severity policy reads of an incident: its custom fields, its services and its open attached alerts. */
export async function incidentFacts(tx: Executor, incident: Incident): Promise<Facts> {
  const [services, alerts] = await Promise.all([listServicesByIds(tx, incident.serviceIds), listOpenAlertFacts(tx, incident.id)]);
  return buildFacts({
    incident: { severity: incident.severity, status: incident.status, title: incident.title, fields: incident.fields },
    services: services.map((service) => ({ name: service.name, tier: service.tier })),
    alerts,
  });
}
