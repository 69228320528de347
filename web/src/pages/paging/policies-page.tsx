import { useEffect } from 'react';
import { useEscalationPolicies } from '../../api/queries.js';
import type { User } from '../../api/types.js';
import { ErrorMessage } from '../../components/error-message.js';
import { policySentence } from '../../components/paging/policy-sentence.js';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../lib/router.js';

export function PoliciesPage({ user }: { user: User }) {
  const i18n = useI18n();
  const { t } = i18n;
  const policies = useEscalationPolicies();

  useEffect(() => {
    document.title = `${t('policy.listTitle')} · Hikeshi`;
  }, [t]);

  const items = policies.data ?? [];
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-header-stacked">
          <h1>{t('policy.listTitle')}</h1>
          <p className="muted">{t('policy.listSubtitle')}</p>
        </div>
        {user.role === 'admin' ? (
          <Link to="/escalation-policies/new" className="btn btn-primary" data-testid="policy-new">
            {t('policy.new')}
          </Link>
        ) : null}
      </div>
      <ErrorMessage error={policies.error} onRetry={() => void policies.refetch()} />
      {policies.isPending ? <div className="page-loading">{t('app.loading')}</div> : null}
      {policies.isSuccess && !items.length ? (
        <div className="card table-message" data-testid="policies-empty">
          {t('policy.empty')}
        </div>
      ) : null}
      <ul className="policy-cards" data-testid="policy-list">
        {items.map((policy) => (
          <li key={policy.id} className="card policy-card" data-testid="policy-card" data-policy={policy.name}>
            <div className="policy-card-head">
              <Link to={`/escalation-policies/${encodeURIComponent(policy.id)}`} className="row-title">
                {policy.name}
              </Link>
              <span className="muted small">
                {t('policy.levelsCount', { count: policy.levels.length })}
                {policy.repeat ? ` · ${t('policy.repeatCount', { count: policy.repeat })}` : ''}
              </span>
            </div>
            {policy.description ? <p className="muted small">{policy.description}</p> : null}
            <p className="policy-sentence">{policySentence(policy.levels, policy.repeat, i18n)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
