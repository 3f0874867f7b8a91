import { Alert } from '../light/Alert.tsx';
import { useEffect, useRef, type CSSProperties } from 'react';
import type { ProblemText } from './problems.ts';

/**
 * A failed write as an alert: the summary, then each missing item or rule on its own line.
 * It brings itself into view when it appears: a refusal above a long form (or below it, beside
 * the save button) must not wait off-screen while the person wonders why nothing happened.
 * Drawn without antd (src/light/): the pages drawn lightly show it too.
 */
export function ProblemAlert({ problem, style }: { problem: ProblemText | null; style?: CSSProperties }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [problem]);
  if (!problem) return null;
  return (
    <div ref={ref} style={{ textAlign: 'start' }}>
      <Alert
        type={problem.stale ? 'warning' : 'error'}
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
    </div>
  );
}
