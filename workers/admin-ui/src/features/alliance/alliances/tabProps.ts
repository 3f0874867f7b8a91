import type { Versioned } from '../../../api/endpoints.ts';
import type { AllianceDetail } from '../../../api/types.ts';

/** What every tab of the detail page gets: the alliance as shown, and how to replace it after a write. */
export interface TabProps {
  tenant: string;
  alliance: Versioned<AllianceDetail>;
  onChanged(next: Versioned<AllianceDetail>): void;
  /** Fetches the alliance afresh (after a 412 or a write that answers with something else). */
  reload(): Promise<Versioned<AllianceDetail> | undefined>;
}
