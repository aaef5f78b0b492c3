/** "1 item", "3 items"; `many` for irregular plurals ("2 entries"). */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
