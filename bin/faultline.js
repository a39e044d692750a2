#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles src/ on the fly, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
