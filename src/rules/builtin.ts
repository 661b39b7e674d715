/** Where the built-in rule data lives: `<package root>/rules`, from src (vitest) or dist (built). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The folder holding package.json, searched upwards from `start`. */
export function packageRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
}

/** Absolute path of the built-in `rules/` folder. */
export function builtinRulesDir(): string {
  cached ??= join(packageRoot(), 'rules');
  return cached;
}
