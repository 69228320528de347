import { useState } from 'react';
import { importProblems, useImportSlos } from '../../api/slos.js';
import { ErrorMessage } from '../error-message.js';
import { useI18n } from '../../i18n/index.js';

/** Import / add SLO: YAML (Hikeshi, OpenSLO or Sloth) posted to /slos/import; a refusal lists each problem at its line and field. */
export function SloImportForm() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [file, setFile] = useState('');
  const importing = useImportSlos();
  const problems = importProblems(importing.error);
  const submit = () => importing.mutate({ text, ...(file.trim() ? { file: file.trim() } : {}) }, { onSuccess: () => setText('') });
  return (
    <section className="slo-import" aria-labelledby="slo-import-heading" data-testid="slo-import">
      <h2 id="slo-import-heading">{t('slos.import.title')}</h2>
      <p className="slo-hint">{t('slos.import.hint')}</p>
      <form onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <textarea value={text} onChange={(event) => setText(event.target.value)} rows={10} spellCheck={false} className="slo-yaml-input" aria-label="YAML" data-testid="slo-import-text" />
        <div className="slo-import-row">
          <label>
            {t('slos.import.file')} <input value={file} onChange={(event) => setFile(event.target.value)} placeholder="checkout.yaml" data-testid="slo-import-file" />
          </label>
          <button type="submit" className="btn btn-primary" disabled={!text.trim() || importing.isPending} data-testid="slo-import-submit">{t('slos.import.submit')}</button>
        </div>
      </form>
      {importing.isSuccess && <p className="slo-import-done" role="status" data-testid="slo-import-done">{t('slos.import.done', { ids: [...importing.data.created, ...importing.data.updated].join(', ') })}</p>}
      {problems.length ? (
        <div className="slo-problems" role="alert" data-testid="slo-import-problems">
          <p>{t('slos.import.refused', { count: problems.length })}</p>
          <ul>
            {problems.map((problem, i) => (
              <li key={i} data-testid="slo-import-problem" data-line={problem.line ?? ''}>
                <span className="slo-problem-place">{problem.file}{problem.line === undefined ? '' : ` · ${t('slos.import.line', { line: problem.line })}`}</span>{' '}
                <code>{problem.path}</code> {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : importing.error ? <ErrorMessage error={importing.error} /> : null}
    </section>
  );
}
