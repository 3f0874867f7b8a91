// The matching engine's same-run native reference (issue 15 § 1): the very
// networks `assign` builds (one per component, taken through its probe),
// solved by LEMON 1.3 (C++, Debian's liblemon-dev) as the issue solved them
// with Google OR-tools: a max flow per urgency prefix, then a min-cost flow
// with those flows fixed (bench/native/lemon-lexicographic.cpp). OR-tools
// itself is not installable here (no PyPI), so its figures — measured by the
// issue on a quiet machine — are printed beside, as constants.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assign } from '../packages/matching/src/index.ts';
import { generateCounty } from './matching-data.ts';

/** Issue 15 § 1, OR-tools 9.15 on the 1× county network, quiet machine. */
export const OR_TOOLS_1X = { warmMs: 1260, freshMs: 1740, peakMb: 41.5 } as const;

export interface NativeRun {
  flow: number;
  cost: number;
  cpuMs: number;
  maxFlowMs: number;
  minCostMs: number;
  peakAddedMb: number;
  peakMb: number;
}

/**
 * The reference binary, compiled when its source is newer; null (with the
 * reason printed) where LEMON's headers or a C++ compiler are missing and
 * cannot be installed.
 */
export function lemonBinary(root: string): string | null {
  const source = join(root, 'bench/native/lemon-lexicographic.cpp');
  const dir = join(root, '.bench/native');
  const bin = join(dir, 'lemon-lexicographic');
  if (!existsSync('/usr/include/lemon/network_simplex.h')) {
    if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
      console.log('▶ 安装 LEMON（Debian liblemon-dev）作为匹配引擎的本机参照 …');
      try {
        execFileSync('bash', ['-c', 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq liblemon-dev >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq liblemon-dev >/dev/null)'], { stdio: 'inherit' });
      } catch {
        // Reported below.
      }
    }
    if (!existsSync('/usr/include/lemon/network_simplex.h')) {
      console.warn('⚠ 无 LEMON 头文件（apt-get install liblemon-dev），跳过本机参照求解器');
      return null;
    }
  }
  if (!existsSync(bin) || statSync(bin).mtimeMs < statSync(source).mtimeMs) {
    mkdirSync(dir, { recursive: true });
    try {
      execFileSync('g++', ['-O2', '-o', bin, source], { stdio: 'inherit' });
    } catch {
      console.warn('⚠ 无法编译 bench/native/lemon-lexicographic.cpp（需要 g++），跳过本机参照求解器');
      return null;
    }
  }
  return bin;
}

/** Writes the networks `assign` solves for the generated county, one file per component; returns the files. */
export function writeNetworks(root: string, needs: number, resources: number): { files: string[]; nodes: number; edges: number } {
  const dir = join(root, '.bench/native', `networks-${needs}x${resources}`);
  mkdirSync(dir, { recursive: true });
  const inst = generateCounty({ needs, resources });
  const files: string[] = [];
  let nodes = 0;
  let edges = 0;
  assign(inst.needs, inst.resources, inst.options, {
    network(g) {
      const lines = [`${g.n} ${g.m} ${g.source} ${g.sink} ${g.priority.length}`, g.priority.join(' ')];
      for (let e = 0; e < g.m; e++) lines.push(`${g.arcTo[2 * e + 1]} ${g.arcTo[2 * e]} ${g.cap[e]} ${g.cost[e]}`);
      const file = join(dir, `component-${files.length}.txt`);
      writeFileSync(file, lines.join('\n') + '\n');
      files.push(file);
      nodes += g.n;
      edges += g.m;
    },
  });
  return { files, nodes, edges };
}

/** One fresh process of the reference over every component. */
export function runLemon(bin: string, files: readonly string[]): NativeRun {
  const out = execFileSync(bin, [...files], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as NativeRun;
}
