import { ApiError, errorText } from '../api/client.ts';

/**
 * What to tell a person about a failed write. A 409 from the alliance workflow
 * lists every missing precondition in `errors`; those are the actionable part,
 * so they are shown as a list under the summary.
 */
export interface ProblemText {
  title: string;
  items: string[];
  stale: boolean;
}

export const STALE_TEXT = '数据已被他人修改，已重新加载最新数据，请核对后重试。';

export function problemText(err: unknown): ProblemText {
  if (err instanceof ApiError) {
    if (err.status === 412) return { title: STALE_TEXT, items: [], stale: true };
    const items = (err.problem.errors ?? []).map((e) => e.message).filter((m, i, all) => m && all.indexOf(m) === i);
    return { title: err.problem.detail || err.problem.title, items: items.filter((m) => m !== err.problem.detail), stale: false };
  }
  return { title: errorText(err), items: [], stale: false };
}
