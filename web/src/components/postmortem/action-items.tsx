import { useState } from 'react';
import { useAddActionItem, useRemoveActionItem, useUpdateActionItem } from '../../api/queries.js';
import { ACTION_ITEM_STATUSES, type ActionItem, type ActionItemInput, type ActionItemStatus, type User } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { ErrorMessage } from '../error-message.js';

/** Today as YYYY-MM-DD on the reader's calendar, the way due dates are written. */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export const isOverdue = (item: ActionItem, on: string) => item.status === 'open' && item.dueDate !== null && item.dueDate < on;

const FORM = 'action-item-add';

function OwnerSelect({ value, users, onChange, label, testId, form }: { value: string | null; users: User[]; onChange: (id: string | null) => void; label: string; testId: string; form?: string }) {
  const { t } = useI18n();
  return (
    <select form={form} className="input input-small" value={value ?? ''} onChange={(event) => onChange(event.target.value || null)} aria-label={label} data-testid={testId}>
      <option value="">{t('postmortem.noOwner')}</option>
      {users.map((user) => (
        <option key={user.id} value={user.id}>
          {user.name}
        </option>
      ))}
    </select>
  );
}

/** Follow-ups with owner, due date, status and the tracker link; overdue ones in red. */
export function ActionItems({ reference, items, users, readOnly }: { reference: string; items: ActionItem[]; users: User[]; readOnly: boolean }) {
  const { t, label } = useI18n();
  const add = useAddActionItem(reference);
  const update = useUpdateActionItem(reference);
  const remove = useRemoveActionItem(reference);
  const [draft, setDraft] = useState({ title: '', ownerId: '', dueDate: '', externalUrl: '' });
  const on = today();
  const change = (id: string, patch: ActionItemInput) => update.mutate({ id, patch });

  return (
    <section className="card section pm-action-items" aria-labelledby="action-items-heading" data-testid="pm-action-items">
      <div className="section-header">
        <h2 id="action-items-heading">{t('postmortem.actionItems')}</h2>
        <span className="muted small">{t('postmortem.actionItemsHint')}</span>
      </div>
      <ErrorMessage error={add.error ?? update.error ?? remove.error} compact />
      <div className="table-scroll">
        <table className="incident-table action-table">
          <thead>
            <tr>
              <th scope="col">{t('postmortem.ai.title')}</th>
              <th scope="col">{t('postmortem.ai.owner')}</th>
              <th scope="col">{t('postmortem.ai.due')}</th>
              <th scope="col">{t('postmortem.ai.status')}</th>
              <th scope="col">{t('postmortem.ai.link')}</th>
              <th scope="col" className="no-print">
                <span className="sr-only">{t('postmortem.ai.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const overdue = isOverdue(item, on);
              return (
                <tr key={item.id} className={overdue ? 'action-overdue' : undefined} data-testid="pm-action-item" data-overdue={overdue}>
                  <td>
                    <input
                      className="input input-small input-bare"
                      defaultValue={item.title}
                      readOnly={readOnly}
                      aria-label={t('postmortem.ai.title')}
                      onBlur={(event) => {
                        const title = event.target.value.trim();
                        if (title && title !== item.title) change(item.id, { title });
                      }}
                    />
                  </td>
                  <td>
                    <OwnerSelect value={item.ownerId} users={users} onChange={(ownerId) => change(item.id, { ownerId })} label={t('postmortem.ai.owner')} testId="pm-ai-owner" />
                  </td>
                  <td>
                    <input
                      className="input input-small"
                      type="date"
                      value={item.dueDate ?? ''}
                      onChange={(event) => change(item.id, { dueDate: event.target.value || null })}
                      aria-label={t('postmortem.ai.due')}
                    />
                    {overdue ? <span className="overdue-tag">{t('postmortem.ai.overdue')}</span> : null}
                  </td>
                  <td>
                    <select className="input input-small" value={item.status} onChange={(event) => change(item.id, { status: event.target.value as ActionItemStatus })} aria-label={t('postmortem.ai.status')}>
                      {ACTION_ITEM_STATUSES.map((status) => (
                        <option key={status} value={status}>
                          {label('aiStatus', status)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="action-link">
                    {item.externalUrl ? (
                      <a href={item.externalUrl} target="_blank" rel="noreferrer noopener" title={item.externalUrl}>
                        {item.externalUrl.replace(/^https?:\/\//, '')}
                      </a>
                    ) : (
                      <input
                        className="input input-small no-print"
                        type="url"
                        placeholder="https://"
                        aria-label={t('postmortem.ai.link')}
                        onBlur={(event) => {
                          if (event.target.value.trim()) change(item.id, { externalUrl: event.target.value.trim() });
                        }}
                      />
                    )}
                  </td>
                  <td className="no-print">
                    <button type="button" className="btn btn-ghost btn-small" disabled={readOnly || remove.isPending} onClick={() => remove.mutate(item.id)} aria-label={t('postmortem.ai.removeNamed', { title: item.title })}>
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
            {!items.length ? (
              <tr>
                <td colSpan={6} className="muted small">
                  {t('postmortem.ai.none')}
                </td>
              </tr>
            ) : null}
          </tbody>
          {!readOnly ? (
            <tfoot className="action-add no-print">
              <tr>
                <td>
                  <input form={FORM} className="input input-small" value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} placeholder={t('postmortem.ai.newTitle')} aria-label={t('postmortem.ai.title')} data-testid="pm-ai-new-title" />
                </td>
                <td>
                  <OwnerSelect form={FORM} value={draft.ownerId || null} users={users} onChange={(ownerId) => setDraft({ ...draft, ownerId: ownerId ?? '' })} label={t('postmortem.ai.owner')} testId="pm-ai-new-owner" />
                </td>
                <td>
                  <input form={FORM} className="input input-small" type="date" value={draft.dueDate} onChange={(event) => setDraft({ ...draft, dueDate: event.target.value })} aria-label={t('postmortem.ai.due')} data-testid="pm-ai-new-due" />
                </td>
                <td />
                <td>
                  <input form={FORM} className="input input-small" type="url" value={draft.externalUrl} onChange={(event) => setDraft({ ...draft, externalUrl: event.target.value })} placeholder="https://" aria-label={t('postmortem.ai.link')} data-testid="pm-ai-new-link" />
                </td>
                <td>
                  <button form={FORM} type="submit" className="btn btn-small btn-primary" disabled={!draft.title.trim() || add.isPending} data-testid="pm-ai-add">
                    {t('postmortem.ai.add')}
                  </button>
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {!readOnly ? (
        <form
          id={FORM}
          onSubmit={(event) => {
            event.preventDefault();
            if (!draft.title.trim()) return;
            add.mutate(
              {
                title: draft.title.trim(),
                ownerId: draft.ownerId || null,
                dueDate: draft.dueDate || null,
                externalUrl: draft.externalUrl.trim() || null,
              },
              { onSuccess: () => setDraft({ title: '', ownerId: '', dueDate: '', externalUrl: '' }) },
            );
          }}
        />
      ) : null}
    </section>
  );
}
