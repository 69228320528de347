import { sendSignedWebhook } from '../../notify/webhook.js';
import { PermanentError } from '../errors.js';

/** POSTs a page's signed webhook; the HMAC secret lives only in the environment variable the settings file names. */
export async function postPageWebhook(name: string, config: { url: string; secretEnv: string }, body: { deliveryId: string }): Promise<void> {
  const secret = process.env[config.secretEnv];
  if (!secret) throw new PermanentError(`The webhook "${name}" has no secret: ${config.secretEnv} is not set`);
  await sendSignedWebhook({ url: config.url, secret, body, deliveryId: body.deliveryId });
}
