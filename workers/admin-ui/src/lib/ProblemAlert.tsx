import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import type { ProblemText } from './problems.ts';

/** A failed write as an alert: the summary, then each missing item or rule on its own line. */
export function ProblemAlert({ problem, style }: { problem: ProblemText | null; style?: CSSProperties }) {
  if (!problem) return null;
  return (
    <Alert
      type={problem.stale ? 'warning' : 'error'}
      showIcon
      data-testid="problem-alert"
      title={problem.title}
      description={
        problem.items.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {problem.items.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 12, ...style }}
    />
  );
}
