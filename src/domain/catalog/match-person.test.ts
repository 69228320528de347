import { describe, expect, it } from 'vitest';
import { matchPerson } from './match-person.js';
import type { User } from './user.js';

const user = (id: string, name: string, email: string, slackUserId: string | null = null): User => ({
  id, name, email, slackUserId, timeZone: 'UTC', role: 'responder', createdAt: '', updatedAt: '',
});
const users = [user('u1', 'Ann Lee', 'ann@example.com', 'U0ANN'), user('u2', 'Sam Park', 'sam.p@example.com'), user('u3', 'sam park', 'sam.k@example.com'), user('u4', 'u1', 'odd@example.com')];

describe('matchPerson', () => {
  it.each<[string, string, ReturnType<typeof matchPerson>]>([
    ['a user id', 'u1', 'u1'],
    ['an id wins over someone whose name looks like it', 'u1', 'u1'],
    ['an email in another case', 'ANN@example.com', 'u1'],
    ['a Slack user id', 'U0ANN', 'u1'],
    ['a unique name in any case, spaces trimmed', '  ann lee ', 'u1'],
    ['a name two people share is ambiguous', 'Sam Park', { ambiguous: 2 }],
    ['no one', 'Zed', undefined],
    ['an empty cell', '', undefined],
  ])('%s', (_case, reference, expected) => {
    expect(matchPerson(users, reference)).toEqual(expected);
  });
});
