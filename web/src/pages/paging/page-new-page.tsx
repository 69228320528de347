import { useEffect, useState, type FormEvent } from 'react';
import { useEscalationPolicies, useSchedules, useTriggerPage, useUsers } from '../../api/queries.js';
import { ErrorMessage } from '../../components/error-message.js';
import { FieldError } from '../../components/field-error.js';
import { useI18n } from '../../i18n/index.js';
import { errorField, unplacedError } from '../../lib/field-errors.js';
import { Link, navigate } from '../../lib/router.js';

const KINDS = ['escalationPolicyId', 'scheduleId', 'userId'] as const;
type Kind = (typeof KINDS)[number];
const FIELDS = ['message', 'details', ...KINDS];

/** "Page someone": through an escalation policy, whoever is on call on a schedule, or one person. */
export function PageNewPage() {
  const { t } = useI18n();
  const policies = useEscalationPolicies();
  const schedules = useSchedules();
  const users = useUsers();
  const trigger = useTriggerPage();
  const [message, setMessage] = useState('');
  const [details, setDetails] = useState('');
  const [kind, setKind] = useState<Kind>('escalationPolicyId');
  const [target, setTarget] = useState('');
  const [missing, setMissing] = useState<'message' | 'target' | null>(null);

  useEffect(() => {
    document.title = `${t('pages.new')} · Hikeshi`;
  }, [t]);

  const choices =
    kind === 'escalationPolicyId'
      ? (policies.data ?? []).map((p) => ({ id: p.id, name: p.name }))
      : kind === 'scheduleId'
        ? (schedules.data ?? []).map((s) => ({ id: s.id, name: s.name }))
        : (users.data ?? []).map((u) => ({ id: u.id, name: u.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const first = !message.trim() ? 'message' : !target ? 'target' : null;
    setMissing(first);
    if (first) return;
    trigger.mutate(
      { message: message.trim(), ...(details.trim() ? { details: details.trim() } : {}), [kind]: target },
      { onSuccess: (page) => navigate(`/pages/${encodeURIComponent(page.id)}`) },
    );
  };
  const touch = () => {
    trigger.reset();
    setMissing(null);
  };

  return (
    <div className="page page-narrow">
      <nav className="breadcrumb" aria-label={t('pages.title')}>
        <Link to="/pages">{t('pages.title')}</Link>
      </nav>
      <div className="page-header page-header-stacked">
        <h1>{t('pages.new')}</h1>
        <p className="muted">{t('pages.newSubtitle')}</p>
      </div>
      <form className="card form-card stack" onSubmit={submit} noValidate data-testid="page-form">
        <label className="field">
          <span className="field-label">
            {t('pages.message')} <span className="required" aria-hidden="true">*</span>
          </span>
          <input
            type="text"
            value={message}
            maxLength={500}
            required
            autoFocus
            placeholder={t('pages.messagePlaceholder')}
            aria-invalid={missing === 'message' || errorField(trigger.error) === 'message' || undefined}
            onChange={(e) => {
              touch();
              setMessage(e.target.value);
            }}
            data-testid="page-message-input"
          />
          {missing === 'message' ? <span className="field-error">{t('pages.messageRequired')}</span> : null}
          <FieldError error={trigger.error} field="message" />
        </label>
        <label className="field">
          <span className="field-label">{t('pages.details')}</span>
          <textarea
            rows={4}
            value={details}
            placeholder={t('pages.detailsPlaceholder')}
            onChange={(e) => {
              touch();
              setDetails(e.target.value);
            }}
            data-testid="page-details-input"
          />
          <FieldError error={trigger.error} field="details" />
        </label>

        <fieldset className="plain-fieldset field">
          <legend className="field-label">{t('pages.who')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('pages.who')}>
            {KINDS.map((k) => (
              <label key={k} className={`segment segment-text${kind === k ? ' on' : ''}`}>
                <input
                  type="radio"
                  name="page-target-kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    touch();
                    setKind(k);
                    setTarget('');
                  }}
                  data-testid={`page-kind-${k}`}
                />
                {t(`pages.kind.${k}`)}
              </label>
            ))}
          </div>
          <select
            value={target}
            aria-label={t(`pages.kind.${kind}`)}
            aria-invalid={missing === 'target' || errorField(trigger.error) === kind || undefined}
            onChange={(e) => {
              touch();
              setTarget(e.target.value);
            }}
            data-testid="page-target"
          >
            <option value="">{t(`pages.choose.${kind}`)}</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <p className="muted small">{t(`pages.kindHelp.${kind}`)}</p>
          {missing === 'target' ? <span className="field-error">{t('pages.targetRequired')}</span> : null}
          <FieldError error={trigger.error} field={kind} />
        </fieldset>

        <ErrorMessage error={unplacedError(trigger.error, (f) => FIELDS.includes(f))} />
        <div className="form-actions">
          <Link to="/pages" className="btn btn-ghost">
            {t('policy.cancel')}
          </Link>
          <button type="submit" className="btn btn-danger" disabled={trigger.isPending} data-testid="page-submit">
            {trigger.isPending ? t('pages.sending') : t('pages.send')}
          </button>
        </div>
      </form>
    </div>
  );
}
