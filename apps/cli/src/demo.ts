import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { ReportData } from '#domain/report';
import { pollUntil } from '#platform';
import { postCsvFile } from './shared/gateway-client.js';
import { formatSection } from './report/print-report.js';
import { ClusterProcesses } from './start/cluster-processes.js';
import { parseCommandLine } from './shared/command-line.js';
import {
  freePort,
  freePortRange,
  natsServerBinary,
  startNatsServer,
} from './start/local-services.js';
import { count, money } from './report/table.js';

/**
 * `npm run demo`: the system's story in the terminal, step by step, in French for the client.
 * It runs on its own ports and in a temporary directory, never on var/shards.
 */
const USAGE = `usage: npm run demo -- [--no-pause]
Without --no-pause, each step waits for Entrée when run at a terminal.`;
const SAMPLE = 'data/transactions_autoconnect.csv';
const CITIES = ['Lyon', 'Paris', 'Marseille'];
const TOULOUSE_ROWS = [
  {
    transaction_id: 'DEMO-TLS-1',
    date: '2025-06-02',
    ville: 'Toulouse',
    type: 'vente',
    modele: 'Tesla_Model_3',
    prix: 42990,
    duree_location_mois: null,
  },
  {
    transaction_id: 'DEMO-TLS-2',
    date: '2025-06-05',
    ville: 'Toulouse',
    type: 'location',
    modele: 'BMW_X1',
    prix: 690,
    duree_location_mois: 12,
  },
];

interface Answer<T> {
  readonly status: number;
  readonly body: T;
}

interface ReportBody {
  readonly code?: string;
  readonly message?: string;
  readonly cities?: readonly string[];
  readonly data: ReportData;
  readonly meta: { readonly missingCities: readonly string[] };
}

class Demo {
  private step = 0;
  private readonly input = createInterface({ input: process.stdin, output: process.stdout });

  constructor(private readonly pause: boolean) {}

  say(text: string): void {
    process.stdout.write(`${text}\n`);
  }

  async next(title: string): Promise<void> {
    if (this.pause && this.step > 0) await this.input.question('\n(Entrée pour continuer) ');
    this.step += 1;
    this.say(`\n=== Étape ${this.step} : ${title}`);
  }

  close(): void {
    this.input.close();
  }
}

async function get<T>(url: string): Promise<Answer<T>> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T };
}

function totalRevenue(data: ReportData): number {
  return data.comparison.cities.reduce((sum, city) => sum + city.revenue, 0);
}

async function main(): Promise<void> {
  const { values } = parseCommandLine(USAGE, {
    args: process.argv.slice(2),
    options: { 'no-pause': { type: 'boolean', default: false } },
  });
  const demo = new Demo(!values['no-pause'] && process.stdin.isTTY);
  const binary = natsServerBinary();
  const nats = binary === undefined ? undefined : await startNatsServer(binary);
  const dataDir = mkdtempSync(join(tmpdir(), 'autoconnect-demo-'));
  const cluster = new ClusterProcesses({
    transport: nats === undefined ? 'tcp' : 'nats',
    cities: CITIES,
    port: await freePort(),
    workerBasePort: await freePortRange(CITIES.length),
    natsUrl: nats?.url ?? '',
    dataDir,
  });
  const base = cluster.baseUrl;
  try {
    await demo.next('démarrage');
    demo.say(
      nats === undefined
        ? "nats-server n'est pas installé : la démonstration tourne en TCP, sans Toulouse."
        : `NATS écoute sur ${nats.url} ; passerelle et villes s'y retrouvent.`,
    );
    cluster.start();
    await cluster.waitHealthy();
    demo.say(`La passerelle et les villes ${CITIES.join(', ')} répondent (${base}/cities).`);

    await demo.next("import du fichier d'exemple");
    const outcome = await postCsvFile(base, SAMPLE);
    demo.say(
      `${count(outcome.accepted)} transactions acceptées, ${count(outcome.rejected)} rejetées ` +
        `(chacune avec sa ligne et sa raison), en ${count(Math.round(outcome.elapsedMs))} ms.`,
    );

    await demo.next('rapport mensuel de Lyon');
    const lyon = await get<ReportBody>(`${base}/reports/summary?city=Lyon`);
    demo.say(formatSection('monthly', lyon.body.data));

    await demo.next('le tableau de bord');
    demo.say(`Ouvrez ${base}/ dans un navigateur (Swagger : ${base}/docs).`);

    if (nats !== undefined) {
      await demo.next('ouverture de Toulouse, sans toucher à la passerelle');
      cluster.startWorker('Toulouse');
      const up = await pollUntil(
        async () => {
          const cities = await get<{ city: string; status: string }[]>(`${base}/cities`);
          return cities.body.some(({ city, status }) => city === 'Toulouse' && status === 'up');
        },
        30_000,
        250,
      );
      if (!up) throw new Error('Toulouse did not come up within 30 s');
      demo.say('Toulouse est annoncée par son battement de cœur : la passerelle la sert.');
      const response = await fetch(`${base}/transactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(TOULOUSE_ROWS),
      });
      demo.say(`Deux ventes de Toulouse envoyées : HTTP ${response.status}.`);
      const toulouse = await get<ReportBody>(`${base}/reports/summary?city=Toulouse`);
      demo.say(`Chiffre d'affaires de Toulouse : ${money(totalRevenue(toulouse.body.data))}.`);
    }

    await demo.next('arrêt du traitement de Marseille');
    await cluster.killWorker('Marseille');
    const refused = await get<ReportBody>(`${base}/reports/summary`);
    demo.say(
      `Rapport complet : HTTP ${refused.status} ${refused.body.code ?? ''} (${refused.body.message ?? ''}).`,
    );
    const partial = await get<ReportBody>(`${base}/reports/summary?partial=true`);
    demo.say(
      `Rapport partiel (partial=true) : HTTP ${partial.status}, villes manquantes : ` +
        `${partial.body.meta.missingCities.join(', ')} ; chiffre d'affaires des autres : ` +
        `${money(totalRevenue(partial.body.data))}.`,
    );

    await demo.next('retour de Marseille');
    cluster.startWorker('Marseille');
    await cluster.waitHealthy();
    const complete = await get<ReportBody>(`${base}/reports/summary`);
    demo.say(
      `Rapport complet : HTTP ${complete.status}, villes manquantes : ` +
        `${complete.body.meta.missingCities.length === 0 ? 'aucune' : complete.body.meta.missingCities.join(', ')} ; ` +
        `chiffre d'affaires total : ${money(totalRevenue(complete.body.data))}. Marseille a relu son shard : rien n'est perdu.`,
    );

    await demo.next('arrêt');
  } finally {
    await cluster.stop();
    await nats?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    demo.close();
  }
  demo.say('Tous les processus sont arrêtés. Fin de la démonstration.');
}

await main();
