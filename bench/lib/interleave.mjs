// Measures several contenders in the same run, one sample each per round, rotating the order
// every round so that none of them always follows the same one (caches, CPU frequency, noise).

/**
 * @template T
 * @param {Record<string, () => Promise<T>>} contenders
 * @param {number} rounds
 * @param {(round: number, samples: Record<string, T[]>) => void} [onRound]
 * @returns {Promise<Record<string, T[]>>}
 */
export async function interleave(contenders, rounds, onRound) {
  const names = Object.keys(contenders);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const shift = round % names.length;
    for (const name of [...names.slice(shift), ...names.slice(0, shift)]) samples[name].push(await contenders[name]());
    onRound?.(round, samples);
  }
  return samples;
}
