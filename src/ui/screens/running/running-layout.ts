// The running screen's rows, given out by what matters most when there are few: the verdict (and
// a soak's marks), then the command, then the title, then the output; the line that offers the
// suggested severity keeps its row only while the output still has one. Rows asked for beyond the
// screen's would be squeezed by the layout into text drawn over other text.
export interface RunningRows {
  command: number;
  title: boolean;
  offer: boolean;
  tail: number;
}

export function runningRows(bodyRows: number, wanted: { command: number; verdict: number; soak: boolean }): RunningRows {
  let room = Math.max(0, bodyRows - wanted.verdict - (wanted.soak ? 1 : 0));
  const command = Math.min(wanted.command, room);
  room -= command;
  const title = room >= 1;
  room -= title ? 1 : 0;
  const offer = room >= 2;
  room -= offer ? 1 : 0;
  return { command, title, offer, tail: room };
}
