import { useMutation, useQueryClient } from '@tanstack/react-query';
import { pickText } from '../../../src/domain/runbooks/text.js';
import { api } from '../api/client.js';
import { keys } from '../api/queries.js';
import type { Incident } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { SeverityBadge } from './badges.js';
import { ErrorMessage } from './error-message.js';

/**
 * The severity policy's pending proposal beside the incident's severity: a milder result, a
 * rule disagreeing with the severity a person set, or (with `severity.worse: propose`) a worse
 * one. One click confirms or dismisses it; a newer proposal answers 409 and the page refreshes.
 */
export function SeverityProposalBanner({ incident, canAct }: { incident: Incident; canAct: boolean }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const proposal = incident.severityProposal;
  const answer = useMutation({
    mutationFn: (verb: 'confirm' | 'dismiss') =>
      api<Incident>('POST', `/incidents/${encodeURIComponent(incident.reference)}/severity-proposal/${verb}`, { proposalId: proposal?.id }),
    onSuccess: (updated) => {
      client.setQueryData(keys.incident(incident.reference), updated);
      void client.invalidateQueries({ queryKey: keys.timeline(incident.reference) });
    },
    onError: () => void client.invalidateQueries({ queryKey: keys.incident(incident.reference) }),
  });
  if (!proposal) return null;
  return (
    <section className="card section severity-proposal" data-testid="severity-proposal" data-why={proposal.why} aria-live="polite">
      <p className="severity-proposal-title">
        <strong>{t(`proposal.title.${proposal.why}`)}</strong>{' '}
        <SeverityBadge severity={proposal.from} /> → <SeverityBadge severity={proposal.to} />
      </p>
      <p data-testid="severity-proposal-reason">{pickText(proposal.reason, lang)}</p>
      <p className="muted">{t('proposal.rules', { rules: proposal.ruleIds.join(', ') })}</p>
      {canAct ? (
        <div className="severity-proposal-actions">
          <button type="button" className="btn btn-primary btn-small" disabled={answer.isPending} onClick={() => answer.mutate('confirm')} data-testid="severity-proposal-confirm">
            {t('proposal.confirm', { severity: proposal.to })}
          </button>
          <button type="button" className="btn btn-small" disabled={answer.isPending} onClick={() => answer.mutate('dismiss')} data-testid="severity-proposal-dismiss">
            {t('proposal.dismiss')}
          </button>
        </div>
      ) : null}
      <ErrorMessage error={answer.error} compact />
    </section>
  );
}
