// The T+ clock: time since T0, ticking every second, or "T0 not marked".
import { Text } from 'ink';
import React from 'react';
import { formatOffset } from '../../domain/duration.js';
import { useNow } from '../app/use-now.js';
import { color } from '../theme.js';

export function Clock({ t0 }: { t0: string | undefined }): React.JSX.Element {
  const now = useNow(1_000, t0 !== undefined);
  if (!t0) return <Text color={color('yellow')}>T0 not marked</Text>;
  return <Text bold>{formatOffset(now - Date.parse(t0))}</Text>;
}
