import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { NGINX } from '../test/support/nginx-server.js';
import { spawnKept } from '../test/support/processes.js';
import { hugoVersion } from './hugo-build.js';
import { wrkVersion } from './wrk.js';

export interface Machine {
  readonly cores: number;
  readonly cpu: string;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly nginx: string;
  readonly wrk: string;
  readonly hugo: string;
}

async function nginxVersion(): Promise<string> {
  if (!existsSync(NGINX)) return 'not installed';
  const run = spawnKept(NGINX, ['-v']);
  await run.exited();
  return /nginx\/(\S+)/.exec(run.output())?.[1] ?? 'not installed';
}

export async function describeMachine(): Promise<Machine> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const debian = await readFile('/etc/debian_version', 'utf8').catch(() => '');
  return {
    cores: os.availableParallelism(),
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: debian ? `Debian ${debian.trim()}` : `${os.type()} ${os.release()}`,
    node: process.version,
    nginx: await nginxVersion(),
    wrk: await wrkVersion(),
    hugo: await hugoVersion(),
  };
}

export function machineLine(machine: Machine): string {
  return `${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}, nginx ${machine.nginx}, wrk ${machine.wrk}, Hugo ${machine.hugo}`;
}
