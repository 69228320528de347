import { authMethods } from './auth.js';
import { bookmarkMethods } from './bookmarks.js';
import { chatMethods } from './chat.js';
import { conversationReadMethods } from './conversations-read.js';
import { conversationMethods } from './conversations.js';
import { inviteMethods } from './invite.js';
import { pinMethods } from './pins.js';
import { reactionMethods } from './reactions.js';
import type { MethodTable } from './types.js';
import { usergroupMethods } from './usergroups.js';
import { userMethods } from './users.js';
import { viewMethods } from './views.js';

/** Every token-authenticated Web API method the emulator speaks. */
export const methods: MethodTable = {
  ...authMethods,
  ...userMethods,
  ...conversationMethods,
  ...inviteMethods,
  ...conversationReadMethods,
  ...chatMethods,
  ...pinMethods,
  ...reactionMethods,
  ...viewMethods,
  ...usergroupMethods,
  ...bookmarkMethods,
};
