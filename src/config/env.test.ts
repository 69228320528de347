import { describe, expect, it } from 'vitest';
import { readEnvironment } from './env.js';

describe('readEnvironment: paging notifications', () => {
  it('leaves email off and uses the default sender when nothing is set', () => {
    expect(readEnvironment({})).toMatchObject({ smtpUrl: undefined, mailFrom: 'Hikeshi <hikeshi@localhost>', publicUrl: undefined });
  });

  it('reads the SMTP URL, the sender and the public URL without its trailing slash', () => {
    const env = readEnvironment({
      HIKESHI_SMTP_URL: 'smtps://hikeshi:secret@mail.example.com:465',
      HIKESHI_MAIL_FROM: 'On-call <oncall@example.com>',
      HIKESHI_PUBLIC_URL: 'https://hikeshi.example.com/',
    });
    expect(env).toMatchObject({
      smtpUrl: 'smtps://hikeshi:secret@mail.example.com:465',
      mailFrom: 'On-call <oncall@example.com>',
      publicUrl: 'https://hikeshi.example.com',
    });
  });

  it('refuses a public URL that is not http(s), naming the variable', () => {
    expect(() => readEnvironment({ HIKESHI_PUBLIC_URL: 'hikeshi.example.com' })).toThrow(/^HIKESHI_PUBLIC_URL must be an http\(s\) URL/);
  });
});
