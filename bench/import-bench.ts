// npm run bench:import: how long the parser takes to read each seed into a draft (header, references, tree, tasks),
// on one core, after warm-up; also the first, cold call of a fresh process. Writes docs/import-speed.md.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { parseDocument } from '../server/modules/importer/parse-document';

const WARM_UP = 20;
const RUNS = 200;
const TARGET_MS = 50;

const dir = join(__dirname, '..', 'server', 'demo', 'seeds');
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.txt'))
  .sort();
const texts = files.map((file) => readFileSync(join(dir, file), 'utf8'));

// The first call pays for compiling the readers' patterns: what a freshly started server's first import costs.
const coldStart = performance.now();
parseDocument(texts[0]);
const cold = performance.now() - coldStart;

const rows = files.map((file, index) => {
  const text = texts[index];
  for (let run = 0; run < WARM_UP; run++) parseDocument(text);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    parseDocument(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    file,
    kb: Buffer.byteLength(text) / 1024,
    median: times[Math.floor(times.length / 2)],
    p95: times[Math.floor(times.length * 0.95)],
  };
});

const largest = rows.reduce((a, b) => (b.kb > a.kb ? b : a));
const lines = [
  '# Import speed',
  '',
  `Written by \`npm run bench:import\` on ${new Date().toISOString().slice(0, 10)}: ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores,`,
  `the parser uses one), Node ${process.version}. Each seed is read ${RUNS} times after ${WARM_UP} warm-up reads; times are`,
  'for the whole draft (header, references, clause tree, tasks), not the database write.',
  '',
  '| Seed | Size | Median | p95 |',
  '|---|---:|---:|---:|',
  ...rows.map((row) => `| ${row.file} | ${row.kb.toFixed(1)} KB | ${row.median.toFixed(2)} ms | ${row.p95.toFixed(2)} ms |`),
  '',
  `Target: under ${TARGET_MS} ms per document after warm-up. The largest seed (${largest.file}, ${largest.kb.toFixed(0)} KB) takes ` +
    `${largest.median.toFixed(1)} ms at the median: ${largest.p95 < TARGET_MS ? 'within' : 'NOT within'} the target at p95. The first read in a fresh process ` +
    `took ${cold.toFixed(0)} ms (pattern compilation).`,
  '',
];
writeFileSync(join(__dirname, '..', 'docs', 'import-speed.md'), lines.join('\n'));
console.log(lines.join('\n'));
