import { useEffect, useState, type FormEvent } from 'react';
import { useDeclareIncident, useMeta, useServices } from '../api/queries.js';
import type { Service } from '../api/types.js';
import { ErrorMessage } from '../components/error-message.js';
import { useI18n } from '../i18n/index.js';
import { Link, navigate } from '../lib/router.js';

export function DeclarePage() {
  const { t } = useI18n();
  const meta = useMeta();
  const services = useServices();
  const declare = useDeclareIncident();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState('');
  const [summary, setSummary] = useState('');
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [titleError, setTitleError] = useState(false);

  useEffect(() => {
    document.title = `${t('declare.title')} · Hikeshi`;
  }, [t]);

  // The mildest severity is the server's default too; picking it explicitly keeps the form honest.
  const severities = meta.data?.severities ?? [];
  const chosenSeverity = severity || severities[severities.length - 1] || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setTitleError(true);
      return;
    }
    declare.mutate(
      {
        title: title.trim(),
        ...(chosenSeverity ? { severity: chosenSeverity } : {}),
        ...(summary.trim() ? { summary: summary.trim() } : {}),
        ...(serviceIds.length ? { services: serviceIds } : {}),
      },
      { onSuccess: (incident) => navigate(`/incidents/${incident.reference}`) },
    );
  };

  return (
    <div className="page page-narrow">
      <div className="page-header page-header-stacked">
        <h1>{t('declare.title')}</h1>
        <p className="muted">{t('declare.subtitle')}</p>
      </div>
      <form className="card form-card stack" onSubmit={submit} noValidate data-testid="declare-form">
        <label className="field">
          <span className="field-label">
            {t('declare.field.title')} <span className="required" aria-hidden="true">*</span>
          </span>
          <input
            type="text"
            name="title"
            required
            maxLength={200}
            autoFocus
            value={title}
            aria-invalid={titleError || undefined}
            placeholder={t('declare.field.titlePlaceholder')}
            onChange={(e) => {
              setTitle(e.target.value);
              if (e.target.value.trim()) setTitleError(false);
            }}
            data-testid="declare-title"
          />
          {titleError ? <span className="field-error">{t('declare.titleRequired')}</span> : null}
        </label>

        <div className="field">
          <span className="field-label" id="severity-label">
            {t('declare.field.severity')}
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby="severity-label" data-testid="declare-severity">
            {severities.map((s, i) => (
              <label key={s} className={`segment sev-rank-${Math.min(i, 3)}${chosenSeverity === s ? ' on' : ''}`}>
                <input type="radio" name="severity" value={s} checked={chosenSeverity === s} onChange={() => setSeverity(s)} />
                {s}
              </label>
            ))}
          </div>
        </div>

        <label className="field">
          <span className="field-label">{t('declare.field.summary')}</span>
          <textarea
            name="summary"
            rows={5}
            value={summary}
            placeholder={t('declare.field.summaryPlaceholder')}
            onChange={(e) => setSummary(e.target.value)}
            data-testid="declare-summary"
          />
        </label>

        <div className="field">
          <span className="field-label" id="services-label">
            {t('declare.field.services')}
          </span>
          <ServicePicker services={services.data ?? []} loading={services.isPending} selected={serviceIds} onChange={setServiceIds} />
          <ErrorMessage error={services.error} compact />
        </div>

        <ErrorMessage error={declare.error} />

        <div className="form-actions">
          <Link to="/incidents" className="btn btn-ghost">
            {t('declare.cancel')}
          </Link>
          <button type="submit" className="btn btn-primary btn-danger" disabled={declare.isPending} data-testid="declare-submit">
            {declare.isPending ? t('declare.submitting') : t('declare.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

function ServicePicker({
  services,
  loading,
  selected,
  onChange,
}: {
  services: Service[];
  loading: boolean;
  selected: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const visible = needle ? services.filter((s) => s.name.toLowerCase().includes(needle)) : services;
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);

  if (loading) return <div className="picker picker-empty muted">{t('app.loading')}</div>;
  if (!services.length) return <div className="picker picker-empty muted">{t('declare.services.none')}</div>;

  return (
    <div className="picker" role="group" aria-labelledby="services-label" data-testid="declare-services">
      {services.length > 6 ? (
        <div className="picker-filter">
          <input type="search" placeholder={t('declare.services.filter')} aria-label={t('declare.services.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
          <span className="muted">{t('declare.services.selected', { count: selected.length })}</span>
        </div>
      ) : null}
      <ul className="picker-list">
        {visible.map((service) => (
          <li key={service.id}>
            <label className={selected.includes(service.id) ? 'picker-item on' : 'picker-item'}>
              <input type="checkbox" checked={selected.includes(service.id)} onChange={() => toggle(service.id)} />
              <span className="picker-name">{service.name}</span>
              {service.tier !== undefined && service.tier !== null && service.tier !== '' ? <span className="tag">{typeof service.tier === 'number' ? `Tier ${service.tier}` : service.tier}</span> : null}
              {service.description ? <span className="picker-desc muted">{service.description}</span> : null}
            </label>
          </li>
        ))}
        {!visible.length ? <li className="picker-empty muted">{t('declare.services.noMatch')}</li> : null}
      </ul>
    </div>
  );
}
