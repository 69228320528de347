/** The install pages' text. Every key of `en` must exist in `ja` (the compiler checks). */

const en = {
  'install.title': 'Install Hikeshi in Slack',
  'install.scopes':
    'Hikeshi asks for two sets of permissions: a bot, which posts messages and creates incident channels, and your own user token, which it uses only where Slack requires a workspace owner or admin, such as inviting guests into incident channels.',
  'install.who':
    'Install as a workspace owner or admin. If anyone else installs, Hikeshi refuses the install, revokes the user token Slack issued for it and keeps the installation it already has.',
  'install.installers': 'This Hikeshi accepts installs only from the Slack accounts listed in settings.slack.installers.',
  'install.button': 'Add to Slack',

  'success.title': 'Hikeshi is installed',
  'success.body':
    'Hikeshi is connected to {team}. Where Slack requires a workspace owner or admin, such as inviting guests, it uses the user token of {name} ({id}).',
  'success.replaced': 'This replaces the token of {previous}.',
  'success.settings': 'Open Hikeshi settings',

  'refused.title': 'Install refused',
  'refused.not_admin':
    '{name} ({id}) is a {kind} of {team}, not a workspace owner or admin. Hikeshi keeps an owner’s or admin’s user token because only such a token can invite guests into incident channels; a member’s token would silently take that away.',
  'refused.not_an_installer':
    'This Hikeshi accepts installs only from the Slack accounts listed in settings.slack.installers (a service account), and {name} ({id}) is not one of them.',
  'refused.other_workspace':
    'Hikeshi serves one Slack workspace and is already connected to another one. The install into {team} was refused.',
  'refused.org_install': 'Org-wide (Enterprise Grid) installs are not supported. Install Hikeshi into one workspace.',
  'refused.missing_token': 'Slack did not return a {token} token. Approve both the bot and the user permissions when installing.',
  'refused.unverified':
    'Hikeshi could not ask Slack whether {name} ({id}) is a workspace owner or admin, so it did not accept the install. Try again in a moment.',
  'refused.unchanged': 'Nothing was stored, and the installation Hikeshi already uses, if any, is unchanged.',
  'refused.revoked': 'The user token Slack issued for this install has been revoked.',
  'refused.kept': 'The user token Slack handed back is the one Hikeshi already uses, so it was kept.',
  'refused.revokeFailed':
    'Hikeshi could not revoke the user token Slack issued for this install (it was not stored). A workspace admin can revoke it on the app’s page in Slack.',
  'refused.askAdmin': 'Ask a workspace owner or admin to install Hikeshi.',
  'refused.tryAgain': 'Try again',

  'kind.member': 'member',
  'kind.admin': 'admin',
  'kind.multi_channel_guest': 'multi-channel guest',
  'kind.single_channel_guest': 'single-channel guest',
  'kind.bot': 'bot',
  'kind.deactivated': 'deactivated account',
  'token.bot': 'bot',
  'token.user': 'user',

  'failed.state.title': 'This install link is no longer valid',
  'failed.state.body': 'It expired (links last 10 minutes) or was opened in another browser. Nothing was changed; start the install again.',
  'failed.cancelled.title': 'Installation cancelled',
  'failed.cancelled.body': 'Nothing was changed.',
  'failed.slack.title': 'Slack did not complete the install',
  'failed.slack.body': 'Slack answered “{error}” when Hikeshi exchanged the code. Nothing was stored. Check SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, then start again.',
  'failed.other.title': 'The install could not be completed',
  'failed.other.body': 'Nothing was stored. The error has been logged; try again in a moment.',
  'failed.startAgain': 'Start again',

  'unavailable.title': 'Slack install is not set up',
  'unavailable.body': 'Set {names} in Hikeshi’s environment and restart it.',
  'unavailable.secretKey':
    'Hikeshi stores Slack tokens encrypted with HIKESHI_SECRET_KEY (32 characters or more). On Postgres it must be set, so that every instance can read them.',
} as const;

export type MessageKey = keyof typeof en;

const ja: Record<MessageKey, string> = {
  'install.title': 'Hikeshi を Slack にインストール',
  'install.scopes':
    'Hikeshi は 2 種類の権限を求めます。メッセージの投稿やインシデントチャンネルの作成を行うボットと、あなた自身のユーザートークンです。ユーザートークンは、インシデントチャンネルへのゲストの招待など、Slack がワークスペースのオーナーか管理者を求める操作にだけ使います。',
  'install.who':
    'ワークスペースのオーナーか管理者がインストールしてください。それ以外の人がインストールすると、Hikeshi はそのインストールを拒否し、そのとき Slack が発行したユーザートークンを無効化して、今のインストールを使い続けます。',
  'install.installers': 'この Hikeshi は、settings.slack.installers に登録された Slack アカウントからのインストールだけを受け付けます。',
  'install.button': 'Slack に追加',

  'success.title': 'Hikeshi をインストールしました',
  'success.body':
    'Hikeshi は {team} に接続しました。ゲストの招待など、Slack がワークスペースのオーナーか管理者を求める操作には {name}（{id}）のユーザートークンを使います。',
  'success.replaced': 'これまでの {previous} のトークンを置き換えました。',
  'success.settings': 'Hikeshi の設定を開く',

  'refused.title': 'インストールを拒否しました',
  'refused.not_admin':
    '{name}（{id}）は {team} の{kind}で、ワークスペースのオーナーでも管理者でもありません。インシデントチャンネルにゲストを招待できるのはオーナーか管理者のトークンだけなので、Hikeshi はそのトークンを保持しています。メンバーのトークンに置き換わると、その機能が気づかないうちに失われます。',
  'refused.not_an_installer':
    'この Hikeshi は、settings.slack.installers に登録された Slack アカウント（サービスアカウント）からのインストールだけを受け付けます。{name}（{id}）は登録されていません。',
  'refused.other_workspace':
    'Hikeshi が接続する Slack ワークスペースは 1 つだけで、すでに別のワークスペースに接続しています。{team} へのインストールは拒否しました。',
  'refused.org_install': 'Enterprise Grid の組織全体へのインストールには対応していません。1 つのワークスペースにインストールしてください。',
  'refused.missing_token': 'Slack から{token}トークンが返されませんでした。インストール時にボットとユーザーの両方の権限を許可してください。',
  'refused.unverified':
    '{name}（{id}）がワークスペースのオーナーか管理者かを Slack に確認できなかったため、インストールを受け付けませんでした。少し待ってからもう一度お試しください。',
  'refused.unchanged': '何も保存していません。Hikeshi が今使っているインストールがあれば、それもそのままです。',
  'refused.revoked': 'このインストールで Slack が発行したユーザートークンは無効化しました。',
  'refused.kept': 'Slack から返されたユーザートークンは Hikeshi が今使っているものなので、無効化していません。',
  'refused.revokeFailed':
    'このインストールで Slack が発行したユーザートークンを無効化できませんでした（保存はしていません）。ワークスペース管理者が Slack のアプリ管理画面から無効化できます。',
  'refused.askAdmin': 'ワークスペースのオーナーか管理者にインストールを依頼してください。',
  'refused.tryAgain': 'もう一度試す',

  'kind.member': 'メンバー',
  'kind.admin': '管理者',
  'kind.multi_channel_guest': 'マルチチャンネルゲスト',
  'kind.single_channel_guest': 'シングルチャンネルゲスト',
  'kind.bot': 'ボット',
  'kind.deactivated': '無効化されたアカウント',
  'token.bot': 'ボット',
  'token.user': 'ユーザー',

  'failed.state.title': 'このインストールリンクは無効です',
  'failed.state.body': '有効期限（10 分）が切れたか、別のブラウザで開かれました。何も変更していません。もう一度インストールを始めてください。',
  'failed.cancelled.title': 'インストールをキャンセルしました',
  'failed.cancelled.body': '何も変更していません。',
  'failed.slack.title': 'Slack がインストールを完了しませんでした',
  'failed.slack.body': 'コードの交換で Slack が「{error}」と答えました。何も保存していません。SLACK_CLIENT_ID と SLACK_CLIENT_SECRET を確認してから、もう一度始めてください。',
  'failed.other.title': 'インストールを完了できませんでした',
  'failed.other.body': '何も保存していません。エラーは記録しました。少し待ってからもう一度お試しください。',
  'failed.startAgain': '最初からやり直す',

  'unavailable.title': 'Slack のインストールが設定されていません',
  'unavailable.body': 'Hikeshi の環境変数に {names} を設定して、再起動してください。',
  'unavailable.secretKey':
    'Hikeshi は Slack のトークンを HIKESHI_SECRET_KEY（32 文字以上）で暗号化して保存します。Postgres では、すべてのインスタンスが読めるように必ず設定してください。',
};

export type PageLang = 'en' | 'ja';

const DICTIONARIES: Record<PageLang, Record<MessageKey, string>> = { en, ja };

/** The browser's first language, when it is Japanese; English otherwise. */
export function pickLang(acceptLanguage: string | undefined): PageLang {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first === 'ja' || first.startsWith('ja-') || first.startsWith('ja;') ? 'ja' : 'en';
}

export function message(lang: PageLang, key: MessageKey, vars: Record<string, string> = {}): string {
  return DICTIONARIES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
