import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The resident memory of `npm start`: this process and every process tree it started (DynamoDB Local's Java,
 * serverless-offline with its esbuild and Lambda workers, the Taro build while it runs), part by part.
 * Linux: /proc/<pid>/stat (parent, process group) and /proc/<pid>/status (VmRSS); elsewhere `ps`.
 */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  pgid: number;
  /** Resident set size in KiB. */
  rssKb(): number;
}

export interface MemoryPart {
  label: string;
  pid: number;
}

export interface MemoryReport {
  totalKb: number;
  parts: { label: string; kb: number; processes: number }[];
}

export const SELF_LABEL = '本进程';

function vmRssKb(procDir: string, pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(join(procDir, String(pid), 'status'), 'utf8'));
    return match ? Number(match[1]) : 0; // kernel threads and zombies have none
  } catch {
    return 0; // exited meanwhile
  }
}

/** Every process visible in /proc. */
export function procProcesses(procDir = '/proc'): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync(procDir)) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(join(procDir, name, 'stat'), 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so read after the last ')'
    const [, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    entries.push({ pid, ppid: Number(ppid), pgid: Number(pgid), rssKb: () => vmRssKb(procDir, pid) });
  }
  return entries;
}

/** Every process, from `ps` (macOS and other systems without /proc). */
export function psProcesses(): ProcessEntry[] {
  return execFileSync('ps', ['-A', '-o', 'pid=,ppid=,pgid=,rss='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((fields) => fields.length === 4 && fields.every(Number.isFinite))
    .map(([pid, ppid, pgid, rss]) => ({ pid, ppid, pgid, rssKb: () => rss }));
}

export function systemProcesses(): ProcessEntry[] | undefined {
  try {
    return existsSync('/proc/self/stat') ? procProcesses() : psProcesses();
  } catch {
    return undefined;
  }
}

/**
 * Adds up each part's tree: the process, its descendants, and the members of the process group it leads (children
 * are started detached, each leading its own group, so a worker whose parent has gone is still counted). A process
 * is counted once, for the first part that holds it; `self` (this process and any descendants left over) comes last.
 */
export function measureMemory(parts: MemoryPart[], self: number = process.pid, processes: ProcessEntry[] | undefined = systemProcesses()): MemoryReport | undefined {
  if (!processes) return undefined;
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const children = new Map<number, ProcessEntry[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const counted = new Set<number>();

  const treeOf = (root: number, withGroup: boolean): ProcessEntry[] => {
    const queue = [byPid.get(root), ...(withGroup ? processes.filter((p) => p.pgid === root) : [])].filter((p): p is ProcessEntry => p !== undefined);
    const tree: ProcessEntry[] = [];
    while (queue.length > 0) {
      const p = queue.shift()!;
      if (counted.has(p.pid)) continue;
      counted.add(p.pid);
      tree.push(p);
      queue.push(...(children.get(p.pid) ?? []));
    }
    return tree;
  };
  const measured = [...parts.map((part) => ({ label: part.label, tree: treeOf(part.pid, true) })), { label: SELF_LABEL, tree: treeOf(self, false) }];
  const report = measured.map(({ label, tree }) => ({ label, kb: tree.reduce((sum, p) => sum + p.rssKb(), 0), processes: tree.length }));
  return { totalKb: report.reduce((sum, part) => sum + part.kb, 0), parts: report.filter((part) => part.processes > 0) };
}

const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

/** 「内存占用（常驻）：合计 812 MB（DynamoDB Local 420 MB · API (serverless-offline) 300 MB · 本进程 92 MB）」 */
export function formatMemory(report: MemoryReport): string {
  return `内存占用（常驻）：合计 ${mb(report.totalKb)}（${report.parts.map((part) => `${part.label} ${mb(part.kb)}`).join(' · ')}）`;
}
