import type { Deps } from '../deps.js';
import type { Principal } from '../principal.js';
import { changePageStatus, type PageActionVia } from './change-page-status.js';
import type { PageView } from './page-view.js';

/** The page is dealt with, acknowledged first or not: escalation stops. */
export async function resolvePage(deps: Deps, principal: Principal, pageRef: string, via: PageActionVia): Promise<PageView> {
  return changePageStatus(deps, principal, pageRef, 'resolved', via);
}
