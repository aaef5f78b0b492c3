// What the footer's status line says: "… saving" while a session action runs, then what was
// done or what went wrong. `perform` runs one action at a time and reports it only after it is
// recorded; errors stay on screen until the next message.
//
// A message belongs to the screen it was said on: leaving that screen drops it (a hint about the
// decision form means nothing on the checklist). A screen that records something and then goes
// back (decision, incident) hands its "recorded" message on with `go(next, { keepStatus })`.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScreenName } from './screens.js';
import { errorText, type Flash, type Tui } from './tui-context.js';

interface OwnedFlash extends Flash {
  screen: ScreenName;
}

export interface Feedback {
  busy: string | undefined;
  /** The message of the screen shown now, if it has one. */
  flash: Flash | undefined;
  say: Tui['say'];
  perform: Tui['perform'];
  /** The screen changes to `next`: its message goes with it only when `keep`. */
  leaveFor(next: ScreenName, keep: boolean): void;
}

export function useFeedback(initialScreen: ScreenName, running = false): Feedback {
  const [busy, setBusy] = useState<string>();
  const busyRef = useRef<string | undefined>(undefined);
  const [flash, setFlash] = useState<OwnedFlash>();
  // Updated at once by leaveFor, so that a message said right after `go` belongs to the new screen.
  const screenRef = useRef(initialScreen);

  const say = useCallback(
    (text: string, tone: Flash['tone'] = 'info', about: { section?: string } = {}) =>
      setFlash(text ? { text: text.replace(/\s*\n\s*/g, ' · '), tone, screen: screenRef.current, ...about } : undefined),
    [],
  );
  useEffect(() => {
    if (!flash || flash.tone === 'error') return;
    const timer = setTimeout(() => setFlash(undefined), 8_000);
    return () => clearTimeout(timer);
  }, [flash]);

  // What was said while a command ran ("cancelling the command…", "a command is running: c
  // cancels it") is no longer true once it has ended: the verdict on screen says what happened.
  const ranBefore = useRef(running);
  useEffect(() => {
    if (ranBefore.current && !running) setFlash((shown) => (shown?.tone === 'info' ? undefined : shown));
    ranBefore.current = running;
  }, [running]);

  const leaveFor = useCallback((next: ScreenName, keep: boolean) => {
    if (next === screenRef.current) return;
    screenRef.current = next;
    setFlash((shown) => (shown && keep ? { ...shown, screen: next } : undefined));
  }, []);

  const perform: Tui['perform'] = async (label, action, done) => {
    if (busyRef.current) {
      say(`wait: still ${busyRef.current}`, 'info');
      return { ok: false };
    }
    busyRef.current = label;
    setBusy(label);
    // What was done is told on the screen it was asked from; an error is told wherever the operator is.
    const askedOn = screenRef.current;
    try {
      const value = await action();
      const text = done?.(value);
      if (text) setFlash({ text, tone: 'ok', screen: askedOn });
      else if (askedOn === screenRef.current) setFlash(undefined);
      return { ok: true, value };
    } catch (error) {
      say(errorText(error), 'error');
      return { ok: false };
    } finally {
      busyRef.current = undefined;
      setBusy(undefined);
    }
  };
  const current = flash && flash.screen === screenRef.current ? { text: flash.text, tone: flash.tone, section: flash.section } : undefined;
  return { busy, flash: current, say, perform, leaveFor };
}
