import { Type } from 'typebox';
const L = Type.Literal;
const Kind = Type.Union([L('generic'), L('alertmanager'), L('grafana'), L('datadog'), L('pagerduty'), L('waroom')], {
  description: 'Which monitor sends: it decides the payload format',
});
const HeaderName = Type.Union([Type.String({ maxLength: 100 }), Type.Null()]);
const Routes = Type.Array(Type.Unknown(), {
  description: 'Routing rules, first match wins: [{when?: condition over alert.labels.* / alert.severity / alert.title / alert.source, service, action: page|declare|attach}]',
});

const settings = {
  hmacSecret: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 500 }), Type.Null()], { description: 'Grafana only: the HMAC secret of the contact point (null removes it); never shown again' })),
  hmacHeader: Type.Optional(HeaderName),
  hmacTimestampHeader: Type.Optional(HeaderName),
  rateLimitPerMinute: Type.Optional(Type.Integer({ minimum: 1, description: 'Alerts per minute before 429 (default 600000)' })),
  routes: Type.Optional(Routes),
};

export const IntegrationCreateBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), kind: Kind, ...settings },
  { additionalProperties: false },
);
export const IntegrationPatchBody = Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...settings }, { additionalProperties: false });
export const IntegrationParams = Type.Object({ id: Type.String() });

const Urls = Type.Object({
  alerts: Type.String(),
  hook: Type.String(),
  pagerduty: Type.Optional(Type.String()),
  waroom: Type.Optional(Type.String()),
});

export const Integration = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Kind,
  tokenHint: Type.String({ description: 'The token’s last 4 characters' }),
  hasSigningSecret: Type.Boolean(),
  hmacHeader: HeaderName,
  hmacTimestampHeader: HeaderName,
  rateLimitPerMinute: Type.Integer(),
  routes: Type.Array(Type.Unknown()),
  urls: Urls,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const IntegrationWithToken = Type.Intersect([Integration, Type.Object({ token: Type.String({ description: 'Shown this once: store it in the monitor' }) })]);

export const IntegrationConfig = Type.Object({
  kind: Kind,
  urls: Urls,
  payloadTemplate: Type.Optional(Type.Record(Type.String(), Type.String())),
  customHeaders: Type.Optional(Type.Record(Type.String(), Type.String())),
  severityTable: Type.Record(Type.String(), Type.String()),
});
