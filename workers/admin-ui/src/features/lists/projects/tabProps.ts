import type { Versioned } from '../../../api/endpoints.ts';
import type { ProjectDetail } from '../../../api/project-endpoints.ts';

/** What every tab of the project page gets: the project as shown, and how to replace it after a write. */
export interface TabProps {
  tenant: string;
  project: Versioned<ProjectDetail>;
  onChanged(next: Versioned<ProjectDetail>): void;
  /** Fetches the project afresh (after a 412). */
  reload(): Promise<Versioned<ProjectDetail> | undefined>;
}
