import type { MessageArgsProps, ModalFuncProps } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FeedbackApis } from '../ant/AntRoot.tsx';
import { antIsland, onAntWanted } from './ant-island.tsx';

type Say = (content: ReactNode | MessageArgsProps, duration?: number) => void;
type Ask = (config: ModalFuncProps) => void;

/** What a page says to the person: antd's message and modal, under the names App.useApp() gives them. */
export interface Feedback {
  message: { success: Say; error: Say; info: Say; warning: Say };
  modal: { confirm: Ask; info: Ask };
}

// An island like any piece of antd: drawn inside the antd configuration once its code has run.
const Host = antIsland(() => import('../ant/AntRoot.tsx').then((m) => m.FeedbackHost));
// Without antd wanted by anything else, the host still comes once the first page has settled, so a
// message is never the thing that waits for antd's download.
const HOST_AT_LATEST_MS = 3000;

const FeedbackContext = createContext<Feedback | null>(null);

/**
 * Messages and confirmations without antd in the first load (docs/adr/0031): the page says
 * `message.success(…)` as it would to App.useApp(); the words go to the one antd host mounted beside
 * the routes, which loads with the first piece of antd any page draws (or at first use). What is said
 * before it has loaded is said as soon as it has, in order.
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState(false);
  const host = useRef<{ apis?: FeedbackApis; waiting: ((apis: FeedbackApis) => void)[] }>({ waiting: [] });
  const feedback = useMemo<Feedback>(() => {
    const call = (f: (apis: FeedbackApis) => void) => {
      const h = host.current;
      if (h.apis) f(h.apis);
      else {
        h.waiting.push(f);
        setWanted(true);
      }
    };
    const say =
      (kind: 'success' | 'error' | 'info' | 'warning'): Say =>
      (content, duration) =>
        call((a) => void a.message[kind](content as MessageArgsProps, duration));
    return {
      message: { success: say('success'), error: say('error'), info: say('info'), warning: say('warning') },
      modal: { confirm: (config) => call((a) => void a.modal.confirm(config)), info: (config) => call((a) => void a.modal.info(config)) },
    };
  }, []);
  const onReady = useCallback((apis: FeedbackApis) => {
    host.current.apis = apis;
    for (const f of host.current.waiting.splice(0)) f(apis);
  }, []);
  useEffect(() => {
    const t = setTimeout(() => setWanted(true), HOST_AT_LATEST_MS);
    const stop = onAntWanted(() => setWanted(true));
    return () => {
      clearTimeout(t);
      stop();
    };
  }, []);
  return (
    <FeedbackContext.Provider value={feedback}>
      {children}
      {wanted && <Host onReady={onReady} />}
    </FeedbackContext.Provider>
  );
}

/** The app's messages and confirmations (FeedbackProvider, in main.tsx). */
export function useFeedback(): Feedback {
  const feedback = useContext(FeedbackContext);
  if (!feedback) throw new Error('useFeedback outside FeedbackProvider');
  return feedback;
}
