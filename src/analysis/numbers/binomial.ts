// The chance that a component with several instances is down: fewer than `minHealthy`
// of its `replicas` up, each instance up with chance `a` on its own. Summed in log
// space, term by term, so ten thousand replicas or a chance of 1e-15 keep their digits.

/** P(fewer than `minHealthy` of `replicas` instances up), each up with chance `a`. */
export function instancesDownChance(replicas: number, minHealthy: number, a: number): number {
  if (minHealthy > replicas) return 1;
  if (minHealthy <= 0 || a >= 1) return 0;
  if (a <= 0) return 1;
  const logUp = Math.log(a);
  const logDown = Math.log1p(-a);
  // log C(n, i), built up as i grows.
  let logChoose = 0;
  let sum = 0;
  for (let i = 0; i < minHealthy; i++) {
    if (i > 0) logChoose += Math.log((replicas - i + 1) / i);
    sum += Math.exp(logChoose + i * logUp + (replicas - i) * logDown);
  }
  return Math.min(1, sum);
}
