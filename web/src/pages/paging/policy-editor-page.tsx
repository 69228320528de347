import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { useDeleteEscalationPolicy, useEscalationPolicy, useSaveEscalationPolicy, useSchedules, useTeams, useUsers } from '../../api/queries.js';
import { TARGET_TYPES, type EscalationPolicy, type TargetType, type User } from '../../api/types.js';
import { ErrorMessage } from '../../components/error-message.js';
import { FieldError } from '../../components/field-error.js';
import { policySentence } from '../../components/paging/policy-sentence.js';
import { useI18n } from '../../i18n/index.js';
import { errorField, unplacedError } from '../../lib/field-errors.js';
import { Link, navigate } from '../../lib/router.js';

interface DraftTarget {
  key: number;
  type: TargetType;
  id: string;
}
interface DraftLevel {
  key: number;
  delayMinutes: string;
  targets: DraftTarget[];
}
interface Draft {
  name: string;
  description: string;
  teamId: string;
  repeat: string;
  levels: DraftLevel[];
}

let nextKey = 1;
const newTarget = (type: TargetType = 'user', id = ''): DraftTarget => ({ key: nextKey++, type, id });
const newLevel = (delayMinutes = '15'): DraftLevel => ({ key: nextKey++, delayMinutes, targets: [newTarget()] });
const emptyDraft = (): Draft => ({ name: '', description: '', teamId: '', repeat: '0', levels: [newLevel()] });
const draftOf = (policy: EscalationPolicy): Draft => ({
  name: policy.name,
  description: policy.description,
  teamId: policy.teamId ?? '',
  repeat: String(policy.repeat),
  levels: policy.levels.map((level) => ({
    key: nextKey++,
    delayMinutes: String(level.delayMinutes),
    targets: level.targets.map((target) => newTarget(target.type, target.id)),
  })),
});

/** Create (id null) or edit an escalation policy. */
export function PolicyEditorPage({ id, user }: { id: string | null; user: User }) {
  const { t } = useI18n();
  const policy = useEscalationPolicy(id);

  useEffect(() => {
    document.title = `${id === null ? t('policy.newTitle') : (policy.data?.name ?? t('policy.listTitle'))} · Hikeshi`;
  }, [id, policy.data, t]);

  if (id !== null && policy.isPending) return <div className="page page-loading">{t('app.loading')}</div>;
  if (id !== null && !policy.data) {
    const notFound = policy.error instanceof ApiError && policy.error.status === 404;
    return (
      <div className="page page-narrow">
        <ErrorMessage error={policy.error} onRetry={notFound ? undefined : () => void policy.refetch()} />
        <Link to="/escalation-policies" className="btn">
          {t('policy.back')}
        </Link>
      </div>
    );
  }
  return <PolicyEditor key={policy.data?.updatedAt ?? 'new'} policy={policy.data ?? null} canEdit={user.role === 'admin'} />;
}

function PolicyEditor({ policy, canEdit }: { policy: EscalationPolicy | null; canEdit: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const users = useUsers();
  const schedules = useSchedules();
  const teams = useTeams();
  const save = useSaveEscalationPolicy(policy?.id ?? null);
  const remove = useDeleteEscalationPolicy();
  const [draft, setDraft] = useState<Draft>(() => (policy ? draftOf(policy) : emptyDraft()));

  const options = useMemo(
    () => ({
      user: (users.data ?? []).map((u) => ({ id: u.id, name: u.name })),
      schedule: (schedules.data ?? []).map((s) => ({ id: s.id, name: s.name })),
      team: (teams.data ?? []).map((x) => ({ id: x.id, name: x.name })),
    }),
    [users.data, schedules.data, teams.data],
  );
  const nameOf = (target: DraftTarget) =>
    target.type === 'webhook' ? target.id : (options[target.type].find((o) => o.id === target.id)?.name ?? '');

  const update = (change: (d: Draft) => Draft) => {
    save.reset();
    setDraft(change);
  };
  const updateLevel = (index: number, change: (level: DraftLevel) => DraftLevel) =>
    update((d) => ({ ...d, levels: d.levels.map((level, i) => (i === index ? change(level) : level)) }));
  const moveLevel = (index: number, by: -1 | 1) =>
    update((d) => {
      const levels = [...d.levels];
      const [moved] = levels.splice(index, 1);
      if (moved) levels.splice(index + by, 0, moved);
      return { ...d, levels };
    });

  const placed = new Set(['name', 'description', 'teamId', 'repeat', 'levels']);
  draft.levels.forEach((level, i) => {
    placed.add(`levels[${i}]`);
    placed.add(`levels[${i}].delayMinutes`);
    placed.add(`levels[${i}].targets`);
    level.targets.forEach((_, j) => {
      placed.add(`levels[${i}].targets[${j}]`);
      placed.add(`levels[${i}].targets[${j}].type`);
      placed.add(`levels[${i}].targets[${j}].id`);
    });
  });
  const invalid = (field: string) => errorField(save.error) === field || undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        name: draft.name.trim(),
        description: draft.description.trim(),
        teamId: draft.teamId || null,
        repeat: Number(draft.repeat),
        levels: draft.levels.map((level) => ({
          delayMinutes: Number(level.delayMinutes),
          targets: level.targets.map((target) => ({ type: target.type, id: target.id.trim() })),
        })),
      },
      { onSuccess: () => navigate('/escalation-policies') },
    );
  };

  const preview = policySentence(
    draft.levels.map((level) => ({
      delayMinutes: Number(level.delayMinutes) || 0,
      targets: level.targets.filter((target) => target.id).map((target) => ({ type: target.type, name: nameOf(target) })),
    })),
    Number(draft.repeat) || 0,
    i18n,
  );

  return (
    <div className="page page-medium">
      <nav className="breadcrumb" aria-label={t('policy.listTitle')}>
        <Link to="/escalation-policies">{t('policy.listTitle')}</Link>
        <span aria-hidden="true">/</span>
        <span>{policy ? policy.name : t('policy.newTitle')}</span>
      </nav>
      <div className="page-header page-header-stacked">
        <h1>{policy ? t('policy.editTitle') : t('policy.newTitle')}</h1>
        <p className="muted">{t('policy.editorSubtitle')}</p>
      </div>
      {!canEdit ? <p className="alert alert-compact settings-warning mb">{t('policy.adminOnly')}</p> : null}

      <form className="stack" onSubmit={submit} noValidate data-testid="policy-form">
        <fieldset disabled={!canEdit} className="plain-fieldset stack">
          <section className="card form-card stack">
            <label className="field">
              <span className="field-label">
                {t('policy.name')} <span className="required" aria-hidden="true">*</span>
              </span>
              <input type="text" value={draft.name} maxLength={120} required aria-invalid={invalid('name')} onChange={(e) => update((d) => ({ ...d, name: e.target.value }))} data-testid="policy-name" />
              <FieldError error={save.error} field="name" />
            </label>
            <label className="field">
              <span className="field-label">{t('policy.description')}</span>
              <textarea rows={2} value={draft.description} onChange={(e) => update((d) => ({ ...d, description: e.target.value }))} data-testid="policy-description" />
              <FieldError error={save.error} field="description" />
            </label>
            <label className="field field-narrow">
              <span className="field-label">{t('policy.team')}</span>
              <select value={draft.teamId} onChange={(e) => update((d) => ({ ...d, teamId: e.target.value }))} aria-invalid={invalid('teamId')} data-testid="policy-team">
                <option value="">{t('policy.noTeam')}</option>
                {options.team.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              <FieldError error={save.error} field="teamId" />
            </label>
          </section>

          <section className="stack stack-tight" aria-labelledby="levels-heading">
            <div className="section-header">
              <h2 id="levels-heading">{t('policy.levels')}</h2>
            </div>
            <FieldError error={save.error} field="levels" />
            <ol className="levels" data-testid="policy-levels">
              {draft.levels.map((level, i) => (
                <li key={level.key} className="card level-card" data-testid="policy-level">
                  <div className="level-head">
                    <span className="level-number" aria-hidden="true">
                      {i + 1}
                    </span>
                    <h3 className="level-title">{t('policy.levelN', { n: i + 1 })}</h3>
                    <div className="level-tools">
                      <button type="button" className="btn btn-ghost btn-small btn-icon" disabled={i === 0} onClick={() => moveLevel(i, -1)} aria-label={t('policy.moveUp', { n: i + 1 })}>
                        ↑
                      </button>
                      <button type="button" className="btn btn-ghost btn-small btn-icon" disabled={i === draft.levels.length - 1} onClick={() => moveLevel(i, 1)} aria-label={t('policy.moveDown', { n: i + 1 })}>
                        ↓
                      </button>
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        disabled={draft.levels.length === 1}
                        onClick={() => update((d) => ({ ...d, levels: d.levels.filter((_, k) => k !== i) }))}
                        aria-label={t('policy.removeLevel', { n: i + 1 })}
                      >
                        {t('policy.remove')}
                      </button>
                    </div>
                  </div>
                  <FieldError error={save.error} field={`levels[${i}]`} />

                  <div className="targets">
                    <span className="field-label" id={`targets-${level.key}`}>
                      {t('policy.notify')}
                    </span>
                    <ul className="plain-list stack-tight" aria-labelledby={`targets-${level.key}`}>
                      {level.targets.map((target, j) => {
                        const idField = `levels[${i}].targets[${j}].id`;
                        return (
                          <li key={target.key} className="target-row" data-testid="policy-target">
                            <select
                              className="target-type"
                              value={target.type}
                              aria-label={t('policy.targetType', { n: j + 1 })}
                              aria-invalid={invalid(`levels[${i}].targets[${j}].type`)}
                              onChange={(e) =>
                                updateLevel(i, (l) => ({ ...l, targets: l.targets.map((x, k) => (k === j ? { ...x, type: e.target.value as TargetType, id: '' } : x)) }))
                              }
                              data-testid="target-type"
                            >
                              {TARGET_TYPES.map((type) => (
                                <option key={type} value={type}>
                                  {t(`target.${type}`)}
                                </option>
                              ))}
                            </select>
                            {target.type === 'webhook' ? (
                              <input
                                type="text"
                                className="target-value"
                                value={target.id}
                                placeholder={t('policy.webhookPlaceholder')}
                                aria-label={t('policy.targetValue', { n: j + 1 })}
                                aria-invalid={invalid(idField)}
                                onChange={(e) => updateLevel(i, (l) => ({ ...l, targets: l.targets.map((x, k) => (k === j ? { ...x, id: e.target.value } : x)) }))}
                                data-testid="target-id"
                              />
                            ) : (
                              <select
                                className="target-value"
                                value={target.id}
                                aria-label={t('policy.targetValue', { n: j + 1 })}
                                aria-invalid={invalid(idField)}
                                onChange={(e) => updateLevel(i, (l) => ({ ...l, targets: l.targets.map((x, k) => (k === j ? { ...x, id: e.target.value } : x)) }))}
                                data-testid="target-id"
                              >
                                <option value="">{t(`policy.choose.${target.type}`)}</option>
                                {options[target.type].map((o) => (
                                  <option key={o.id} value={o.id}>
                                    {o.name}
                                  </option>
                                ))}
                              </select>
                            )}
                            <button
                              type="button"
                              className="btn btn-ghost btn-small btn-icon"
                              disabled={level.targets.length === 1}
                              onClick={() => updateLevel(i, (l) => ({ ...l, targets: l.targets.filter((_, k) => k !== j) }))}
                              aria-label={t('policy.removeTarget', { n: j + 1 })}
                            >
                              ×
                            </button>
                            <FieldError error={save.error} field={idField} />
                            <FieldError error={save.error} field={`levels[${i}].targets[${j}].type`} />
                            <FieldError error={save.error} field={`levels[${i}].targets[${j}]`} />
                          </li>
                        );
                      })}
                    </ul>
                    <FieldError error={save.error} field={`levels[${i}].targets`} />
                    <button type="button" className="link-button" onClick={() => updateLevel(i, (l) => ({ ...l, targets: [...l.targets, newTarget()] }))} data-testid="add-target">
                      + {t('policy.addTarget')}
                    </button>
                  </div>

                  <label className="delay-row">
                    <span>{i === draft.levels.length - 1 ? t('policy.delayLast') : t('policy.delay')}</span>
                    <input
                      type="number"
                      min={1}
                      max={1440}
                      step={1}
                      value={level.delayMinutes}
                      aria-invalid={invalid(`levels[${i}].delayMinutes`)}
                      onChange={(e) => updateLevel(i, (l) => ({ ...l, delayMinutes: e.target.value }))}
                      data-testid="level-delay"
                    />
                    <span>{t('policy.minutes')}</span>
                  </label>
                  <FieldError error={save.error} field={`levels[${i}].delayMinutes`} />
                </li>
              ))}
            </ol>
            <div>
              <button type="button" className="btn btn-small" disabled={draft.levels.length >= 20} onClick={() => update((d) => ({ ...d, levels: [...d.levels, newLevel()] }))} data-testid="add-level">
                + {t('policy.addLevel')}
              </button>
            </div>
          </section>

          <section className="card form-card stack">
            <label className="delay-row">
              <span>{t('policy.repeat')}</span>
              <input type="number" min={0} max={9} step={1} value={draft.repeat} aria-invalid={invalid('repeat')} onChange={(e) => update((d) => ({ ...d, repeat: e.target.value }))} data-testid="policy-repeat" />
              <span>{t('policy.repeatUnit')}</span>
            </label>
            <FieldError error={save.error} field="repeat" />
            <div className="preview" aria-live="polite">
              <span className="field-label">{t('policy.preview')}</span>
              <p data-testid="policy-preview">{preview}</p>
            </div>
          </section>
        </fieldset>

        <ErrorMessage error={unplacedError(save.error, (f) => placed.has(f))} />
        <ErrorMessage error={remove.error} />
        <div className="form-actions">
          {policy && canEdit ? (
            <button
              type="button"
              className="btn btn-ghost danger-text mr-auto"
              disabled={remove.isPending}
              onClick={() => remove.mutate(policy.id, { onSuccess: () => navigate('/escalation-policies') })}
              data-testid="policy-delete"
            >
              {t('policy.delete')}
            </button>
          ) : null}
          <Link to="/escalation-policies" className="btn btn-ghost">
            {t('policy.cancel')}
          </Link>
          {canEdit ? (
            <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="policy-save">
              {save.isPending ? t('policy.saving') : t('policy.save')}
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
