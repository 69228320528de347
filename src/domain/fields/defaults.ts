import type { FieldDefinition } from './definition.js';

/**
 * The facts severity depends on for a mobility service (DESIGN.md problem 7): customer
 * inquiries, affected users and vehicles, and the legal questions — personal data, the
 * Road Traffic Act (道路交通法) and the Road Transport Vehicle Act (道路運送車両法).
 * A settings file's `fields:` replaces the whole list.
 */
export const DEFAULT_FIELDS: FieldDefinition[] = [
  {
    key: 'cs_inquiries',
    type: 'number',
    integer: true,
    min: 0,
    label: { en: 'Customer-support inquiries', ja: '問い合わせ件数' },
    help: {
      en: 'Inquiries customer support received about this incident. The helpdesk webhook and the "Another customer reported this" button add one each.',
      ja: 'この障害についてカスタマーサポートに寄せられた問い合わせの件数です。ヘルプデスクの Webhook と「別のお客様からも問い合わせ」ボタンで 1 件ずつ加算されます。',
    },
  },
  {
    key: 'affected_users',
    type: 'number',
    integer: true,
    min: 0,
    label: { en: 'Affected users', ja: '影響ユーザー数' },
    help: {
      en: 'Users who could not use the service or got wrong results. A best estimate is fine; correct it as you learn more.',
      ja: 'サービスを利用できなかった、または誤った結果を受け取ったユーザーの数です。概算で構いません。分かり次第更新してください。',
    },
  },
  {
    key: 'affected_vehicles',
    type: 'number',
    integer: true,
    min: 0,
    label: { en: 'Affected vehicles', ja: '影響車両数' },
    help: {
      en: 'Vehicles whose operation, booking or connected features were affected.',
      ja: '運行・予約・コネクテッド機能に影響が出た車両の台数です。',
    },
  },
  {
    key: 'personal_data_exposed',
    type: 'boolean',
    label: { en: 'Personal data exposed', ja: '個人情報の漏えい' },
    help: {
      en: 'Personal data was (or may have been) leaked, lost or damaged. If yes, tell the privacy officer now: reports to the Personal Information Protection Commission have deadlines.',
      ja: '個人データの漏えい・滅失・毀損が発生した（またはそのおそれがある）場合は「はい」。直ちに個人情報保護責任者へ連絡してください。個人情報保護委員会への報告には期限があります。',
    },
  },
  {
    key: 'road_traffic_act',
    type: 'boolean',
    label: { en: 'Road Traffic Act concern', ja: '道路交通法への抵触' },
    help: {
      en: 'The incident may breach the Road Traffic Act (道路交通法): vehicles running against traffic rules, required signs or notices not given. If yes, involve legal.',
      ja: '道路交通法に抵触するおそれがある場合は「はい」（交通規則に反する走行、必要な表示・通知の欠落など）。法務担当を呼んでください。',
    },
  },
  {
    key: 'road_vehicles_act',
    type: 'boolean',
    label: { en: 'Road Transport Vehicle Act concern', ja: '道路運送車両法への抵触' },
    help: {
      en: 'The incident may touch the Road Transport Vehicle Act (道路運送車両法): safety standards, inspection and maintenance, or a recall notification. If yes, involve legal and vehicle quality.',
      ja: '道路運送車両法に関わるおそれがある場合は「はい」（保安基準、点検・整備、リコールの届出など）。法務と車両品質の担当を呼んでください。',
    },
  },
];

/** The field inquiries count into unless the settings file says otherwise. */
export const DEFAULT_INQUIRIES_FIELD = 'cs_inquiries';
