import { useLayoutEffect, type DependencyList } from 'react';

/**
 * Prepares a dialog each time it opens, and again when `deps` change while it is open: clears its
 * form and messages, fills in the item's values, starts its reads. It runs as the dialog is
 * committed, before the browser paints it, so nothing typed or clicked in the dialog can come first.
 * A plain effect could run after the dialog was on screen (always for a dialog whose code loads when
 * it first opens) and wipe what a quick hand typed or the message its click on 确定 brought up: seen
 * in a browser story under load (DeactivateModal, docs/adr/0031).
 */
export function useOnOpen(open: boolean, prepare: () => void | (() => void), deps: DependencyList): void {
  // `prepare` is a new function on every render; the dialog is prepared when it opens or `deps` change.
  // What it returns (e.g. forgetting a read's late answer) runs when the dialog closes or is prepared again.
  useLayoutEffect(() => (open ? prepare() : undefined), [open, ...deps]);
}
