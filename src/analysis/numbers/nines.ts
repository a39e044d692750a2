// Availability as people say it: a percentage, a count of nines, and the downtime it
// allows in a year and in a month. One home for the wording, read by the Numbers
// region, the findings and the command line.

const YEAR_MINUTES = 365.25 * 24 * 60;
const MONTH_MINUTES = YEAR_MINUTES / 12;

/** 0.999 -> 3; 0.9995 -> 3.3; 1 -> Infinity; 0 -> 0. */
export function ninesOf(availability: number): number {
  if (availability >= 1) return Infinity;
  if (availability <= 0) return 0;
  return -Math.log10(1 - availability);
}

/** "3.3 nines", "5 nines", "no downtime". */
export function formatNines(availability: number): string {
  const nines = ninesOf(availability);
  if (nines === Infinity) return 'never down';
  const rounded = Math.round(nines * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} ${rounded === 1 ? 'nine' : 'nines'}`;
}

/**
 * 0.999 -> "99.9%", 0.99995 -> "99.995%", 0.5 -> "50%": the downtime share to two
 * significant digits, so the digits that matter show and it never reads as 100%.
 */
export function formatPercent(availability: number, atLeast = 1): string {
  if (availability >= 1) return '100%';
  if (availability <= 0) return '0%';
  const downPercent = (1 - availability) * 100;
  const decimals = Math.min(12, Math.max(atLeast, 1 - Math.floor(Math.log10(downPercent))));
  return `${(availability * 100).toFixed(decimals).replace(/\.?0+$/, '')}%`;
}

/** `value` as a percentage with as many digits as it takes to read differently from `other`. */
export function formatPercentApart(value: number, other: number): string {
  const otherText = formatPercent(other);
  for (let decimals = 1; decimals < 12; decimals++) {
    const text = formatPercent(value, decimals);
    if (text !== otherText) return text;
  }
  return formatPercent(value, 12);
}

/** Minutes as a person reads them: "52 s", "8 min", "4 h 23 min", "3 d 15 h". */
export function formatDuration(minutes: number): string {
  if (minutes < 0.5) return `${Math.round(minutes * 60)} s`;
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  const hours = Math.floor(whole / 60);
  if (hours < 24) {
    const rest = whole - hours * 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const totalHours = Math.round(whole / 60);
  const days = Math.floor(totalHours / 24);
  const rest = totalHours - days * 24;
  return rest === 0 ? `${days} d` : `${days} d ${rest} h`;
}

/** The downtime an availability allows, per year and per month. */
export function downtimeOf(availability: number): { year: string; month: string } {
  const down = Math.max(0, 1 - availability);
  return { year: formatDuration(down * YEAR_MINUTES), month: formatDuration(down * MONTH_MINUTES) };
}

/** "99.95% (3.3 nines, 4 h 23 min down a year)"; `percent` overrides how the figure reads. */
export function describeAvailability(availability: number, percent = formatPercent(availability)): string {
  return `${percent} (${formatNines(availability)}, ${downtimeOf(availability).year} down a year)`;
}

/** How much a gain in availability is worth: "+0.4 nines, 3 h 30 min less downtime a year". */
export function describeGain(from: number, gain: number): string {
  const to = Math.min(1, from + gain);
  const nines = ninesOf(to) - ninesOf(from);
  const ninesText = nines === Infinity ? 'never down' : nines < 0.01 ? '+<0.01 nines' : `+${nines < 0.05 ? nines.toFixed(2) : nines.toFixed(1)} nines`;
  return `${ninesText}, ${formatDuration(gain * YEAR_MINUTES)} less downtime a year`;
}
