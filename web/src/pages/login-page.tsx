import { useEffect, useState, type FormEvent } from 'react';
import { useLogin } from '../api/queries.js';
import { ErrorMessage } from '../components/error-message.js';
import { LogoMark } from '../components/logo.js';
import { LanguageSwitch } from '../components/top-bar.js';
import { useI18n } from '../i18n/index.js';
import { navigate } from '../lib/router.js';

export function LoginPage({ next }: { next: string }) {
  const { t } = useI18n();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  useEffect(() => {
    document.title = `${t('login.submit')} · Hikeshi`;
  }, [t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <main className="auth-page">
      <div className="auth-lang">
        <LanguageSwitch />
      </div>
      <div className="auth-card">
        <div className="auth-brand">
          <LogoMark size={40} />
          <div>
            <div className="auth-product">
              <span lang="ja">火消し</span> Hikeshi
            </div>
            <div className="muted">{t('login.subtitle')}</div>
          </div>
        </div>
        <h1 className="auth-title">{t('login.title')}</h1>
        <form onSubmit={submit} className="stack" noValidate={false}>
          <label className="field">
            <span className="field-label">{t('login.email')}</span>
            <input
              type="email"
              name="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="login-email"
            />
          </label>
          <label className="field">
            <span className="field-label">{t('login.password')}</span>
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="login-password"
            />
          </label>
          <ErrorMessage error={login.error} compact />
          <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending} data-testid="login-submit">
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
