export { seededRandom } from '../src/analysis/numbers/random.ts';
