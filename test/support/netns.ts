import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from '@jest/globals';

/** Runs `ip` (iproute2) and throws with its message when it fails. */
function ip(...args: string[]): void {
  const run = spawnSync('ip', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`ip ${args.join(' ')}: ${run.stderr.trim()}`);
}

/**
 * Whether this machine lets the test build hosts in network namespaces (root, iproute2); when it
 * does not, registers `spec` as skipped and says so loudly (CI runs as root: it never skips).
 */
export function networkNamespacesOrSkip(spec: string): boolean {
  const probe = `acprobe${process.pid % 100_000}`;
  const made = spawnSync('ip', ['netns', 'add', probe]).status === 0;
  if (made) spawnSync('ip', ['netns', 'del', probe]);
  if (!made) {
    describe(spec, () => {
      it.skip('SKIPPED: network namespaces need root and iproute2 (ip netns)', () => undefined);
    });
    process.stderr.write(`\n*** ${spec}: SKIPPED, no network namespaces here ***\n\n`);
  }
  return made;
}

/** A process started on a host of the lab, and the line of output that names it. */
export interface LabProcess {
  readonly child: ChildProcess;
  readonly output: string[];
}

/**
 * Hosts, each a network namespace with its own address on one bridge (10.N.0.i/24), the test
 * itself at 10.N.0.254: processes run on a host see only the others' addresses; a host's link
 * can be cut and restored, as a cable or a switch port would be.
 */
export class NetworkLab {
  private readonly processes = new Set<ChildProcess>();

  private constructor(
    private readonly prefix: string,
    private readonly subnet: string,
    private readonly hosts: readonly string[],
  ) {}

  /** Builds the bridge and one namespace per host; names are unique to this process. */
  static create(hosts: readonly string[]): NetworkLab {
    const id = process.pid % 10_000;
    const lab = new NetworkLab(`ac${id}`, `10.${100 + (id % 100)}.0`, hosts);
    try {
      lab.build();
    } catch (error) {
      lab.teardown();
      throw error;
    }
    return lab;
  }

  address(host: string): string {
    const index = this.hosts.indexOf(host);
    if (index < 0) throw new Error(`no host ${host} in the lab`);
    return `${this.subnet}.${index + 1}`;
  }

  /** Starts `command` on `host`; its output is kept (and the last lines explain a failure). */
  start(
    host: string,
    command: string,
    args: readonly string[],
    env: NodeJS.ProcessEnv,
  ): LabProcess {
    const child = spawn('ip', ['netns', 'exec', this.namespace(host), command, ...args], {
      env: { ...process.env, ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8').on('data', (text: string) => {
        output.push(...text.split('\n').filter((line) => line.trim() !== ''));
        if (output.length > 400) output.splice(0, output.length - 400);
      });
    }
    this.processes.add(child);
    child.on('exit', () => this.processes.delete(child));
    return { child, output };
  }

  /** Takes the host off the network (its link down): its peers get no answer, no reset. */
  cut(host: string): void {
    ip('-n', this.namespace(host), 'link', 'set', 'eth0', 'down');
  }

  restore(host: string): void {
    ip('-n', this.namespace(host), 'link', 'set', 'eth0', 'up');
  }

  /** Stops every process still running (SIGKILL), then removes the namespaces and the bridge. */
  async destroy(): Promise<void> {
    await Promise.all([...this.processes].map((child) => kill(child, 'SIGKILL')));
    this.teardown();
  }

  private teardown(): void {
    for (const host of this.hosts) spawnSync('ip', ['netns', 'del', this.namespace(host)]);
    spawnSync('ip', ['link', 'del', `${this.prefix}br`]);
  }

  private namespace(host: string): string {
    return `${this.prefix}-${host}`;
  }

  private build(): void {
    const bridge = `${this.prefix}br`;
    ip('link', 'add', bridge, 'type', 'bridge');
    ip('addr', 'add', `${this.subnet}.254/24`, 'dev', bridge);
    ip('link', 'set', bridge, 'up');
    this.hosts.forEach((host, index) => {
      const namespace = this.namespace(host);
      const veth = `${this.prefix}v${index}`;
      ip('netns', 'add', namespace);
      ip('link', 'add', veth, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', namespace);
      ip('link', 'set', veth, 'master', bridge, 'up');
      ip('-n', namespace, 'addr', 'add', `${this.address(host)}/24`, 'dev', 'eth0');
      ip('-n', namespace, 'link', 'set', 'eth0', 'up');
      ip('-n', namespace, 'link', 'set', 'lo', 'up');
    });
  }
}

/** Sends `signal` and waits for the process to be gone. */
export async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
