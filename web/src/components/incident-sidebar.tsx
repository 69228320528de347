import { useEffect, useState, type FormEvent } from 'react';
import { useMeta, useUpdateIncident } from '../api/queries.js';
import { ROLES, TIMESTAMPS, type Incident, type Role, type User } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { Person, StatusBadge } from './badges.js';
import { ErrorMessage } from './error-message.js';
import { AbsoluteTime } from './time.js';

export function IncidentSidebar({ incident, user, users, usersError }: { incident: Incident; user: User; users: User[]; usersError: unknown }) {
  const { t, label } = useI18n();
  return (
    <aside className="incident-side">
      <section className="card side-section">
        <StatusControl incident={incident} />
        <SeverityControl incident={incident} />
      </section>

      <section className="card side-section" aria-labelledby="roles-heading">
        <h3 id="roles-heading">{t('incident.roles')}</h3>
        <ErrorMessage error={usersError} compact />
        {ROLES.map((role) => (
          <RoleControl key={role} incident={incident} role={role} user={user} users={users} />
        ))}
      </section>

      <section className="card side-section">
        <h3>{t('incident.services')}</h3>
        {incident.services.length ? (
          <div className="service-list" data-testid="incident-services">
            {incident.services.map((s) => (
              <span key={s.id} className="tag">
                {s.name}
              </span>
            ))}
          </div>
        ) : (
          <p className="muted small">{t('incident.noServices')}</p>
        )}
        {incident.tags.length ? (
          <>
            <h3 className="mt">{t('incident.tags')}</h3>
            <div className="service-list">
              {incident.tags.map((tag) => (
                <span key={tag} className="tag tag-outline">
                  #{tag}
                </span>
              ))}
            </div>
          </>
        ) : null}
      </section>

      <section className="card side-section" aria-labelledby="lifecycle-heading">
        <h3 id="lifecycle-heading">{t('incident.timestamps')}</h3>
        <dl className="lifecycle">
          {TIMESTAMPS.map((field) => {
            const value = incident[field];
            return (
              <div key={field} className={value ? 'lc-row set' : 'lc-row'} data-testid={`ts-${field}`}>
                <dt>{label('ts', field)}</dt>
                <dd>{value ? <AbsoluteTime iso={value} /> : <span className="muted">{t('ts.none')}</span>}</dd>
              </div>
            );
          })}
        </dl>
        {incident.declaredBy ? <p className="muted small mt">{t('incident.declaredBy', { name: incident.declaredBy.name })}</p> : null}
      </section>
    </aside>
  );
}

function StatusControl({ incident }: { incident: Incident }) {
  const { t, label } = useI18n();
  const update = useUpdateIncident(incident.reference);
  const [target, setTarget] = useState('');
  const allowed = incident.allowedTransitions;
  useEffect(() => setTarget(''), [incident.status]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    update.mutate({ status: target }, { onSuccess: () => setTarget('') });
  };

  return (
    <div className="control" data-testid="status-control">
      <div className="control-label">
        <span>{t('incident.status')}</span>
        <StatusBadge status={incident.status} />
      </div>
      {allowed.length ? (
        <form className="control-row" onSubmit={submit}>
          <select
            value={target}
            aria-label={t('incident.moveTo')}
            onChange={(e) => {
              update.reset();
              setTarget(e.target.value);
            }}
            data-testid="status-select"
          >
            <option value="">{t('incident.moveTo')}</option>
            {allowed.map((status) => (
              <option key={status} value={status}>
                {label('status', status)}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-primary btn-small" disabled={!target || update.isPending} data-testid="status-submit">
            {t('incident.updateStatus')}
          </button>
        </form>
      ) : (
        <p className="muted small">{t('incident.noTransitions')}</p>
      )}
      <ErrorMessage error={update.error} compact />
    </div>
  );
}

function SeverityControl({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const meta = useMeta();
  const update = useUpdateIncident(incident.reference);
  const severities = meta.data?.severities ?? [incident.severity];
  const options = severities.includes(incident.severity) ? severities : [incident.severity, ...severities];

  return (
    <div className="control">
      <label className="control-label" htmlFor="severity-select">
        {t('incident.severity')}
      </label>
      <select
        id="severity-select"
        value={update.isPending ? update.variables?.severity ?? incident.severity : incident.severity}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ severity: e.target.value })}
        data-testid="severity-select"
      >
        {options.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <ErrorMessage error={update.error} compact />
    </div>
  );
}

function RoleControl({ incident, role, user, users }: { incident: Incident; role: Role; user: User; users: User[] }) {
  const { t, label } = useI18n();
  const update = useUpdateIncident(incident.reference);
  const current = incident.roles[role];
  const pending = update.isPending ? update.variables?.roles?.[role] : undefined;
  const value = pending !== undefined ? pending ?? '' : current?.id ?? '';
  const options = current && !users.some((u) => u.id === current.id) ? [...users, { ...current, email: '', role: '' }] : users;
  const assign = (id: string | null) => update.mutate({ roles: { [role]: id } });
  const id = `role-${role}`;

  return (
    <div className="control role-control" data-testid={`role-control-${role}`}>
      <div className="control-label">
        <label htmlFor={id}>{label('role', role)}</label>
        {current?.id !== user.id ? (
          <button type="button" className="link-button" onClick={() => assign(user.id)} disabled={update.isPending} data-testid={`assign-me-${role}`}>
            {t('incident.assignMe')}
          </button>
        ) : null}
      </div>
      <div className="role-select">
        {current ? <Person name={current.name} /> : <span className="muted">{t('incident.unassigned')}</span>}
        <select id={id} value={value} disabled={update.isPending} onChange={(e) => assign(e.target.value || null)} data-testid={`role-${role}`}>
          <option value="">{t('incident.unassigned')}</option>
          {options.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={update.error} compact />
    </div>
  );
}
