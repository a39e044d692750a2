import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';

// A PNG exported from draw.io with its diagram inside (IBM/oper8, Apache-2.0; see the
// corpus README): the command line reads the file's bytes, as the app does a dropped file.
const png = fileURLToPath(new URL('../io/formats/drawio/corpus/oper8--docs--architecture.drawio.png', import.meta.url));

describe('faultline lint on a draw.io PNG', () => {
  it('reviews the diagram the picture carries', async () => {
    const result = await runCli(['lint', png, '--format', 'json']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty('findings');
    // Read as text it would be refused; read as bytes, its page is imported (a flow
    // chart of steps, so nothing in it maps to a component).
    expect(result.stderr).toContain('note: draw.io import of its page ("Page-1"): 0 components, 0 groups, 0 edges; dropped 40 shapes');
  });
});
