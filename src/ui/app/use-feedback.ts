// What the footer's status line says: "… saving" while a session action runs, then what was
// done or what went wrong. `perform` runs one action at a time and reports it only after it is
// recorded; errors stay on screen until the next message.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText, type Flash, type Tui } from './tui-context.js';

export function useFeedback(): { busy: string | undefined; flash: Flash | undefined; say: Tui['say']; perform: Tui['perform'] } {
  const [busy, setBusy] = useState<string>();
  const busyRef = useRef<string | undefined>(undefined);
  const [flash, setFlash] = useState<Flash>();

  // say('') clears the line: a hint about the screen just left must not stand on the next one
  const say = useCallback((text: string, tone: Flash['tone'] = 'info') => setFlash(text ? { text: text.replace(/\s*\n\s*/g, ' · '), tone } : undefined), []);
  useEffect(() => {
    if (!flash || flash.tone === 'error') return;
    const timer = setTimeout(() => setFlash(undefined), 8_000);
    return () => clearTimeout(timer);
  }, [flash]);

  const perform: Tui['perform'] = async (label, action, done) => {
    if (busyRef.current) {
      say(`wait: still ${busyRef.current}`, 'info');
      return { ok: false };
    }
    busyRef.current = label;
    setBusy(label);
    try {
      const value = await action();
      const text = done?.(value);
      setFlash(text ? { text, tone: 'ok' } : undefined);
      return { ok: true, value };
    } catch (error) {
      say(errorText(error), 'error');
      return { ok: false };
    } finally {
      busyRef.current = undefined;
      setBusy(undefined);
    }
  };
  return { busy, flash, say, perform };
}
