import type { Deps } from '../deps.js';
import type { Principal } from '../principal.js';
import { changePageStatus, type PageActionVia } from './change-page-status.js';
import type { PageView } from './page-view.js';

/** Someone has the page: escalation stops. A resolved page cannot be acknowledged (409). */
export async function acknowledgePage(deps: Deps, principal: Principal, pageRef: string, via: PageActionVia): Promise<PageView> {
  return changePageStatus(deps, principal, pageRef, 'acknowledged', via);
}
