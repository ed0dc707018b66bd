import { describe, expect, it } from '@jest/globals';
import { runCli } from '../support/run-cli.js';
import { natsServerOrSkip } from '../support/nats.js';

const SPEC = 'npm run demo -- --no-pause';

if (natsServerOrSkip(SPEC) !== undefined) {
  describe(SPEC, () => {
    it('tells the whole story and stops everything: import, Lyon, Toulouse, a city down and back', () => {
      const run = runCli('demo', ['--no-pause']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      // French number formats group digits with no-break spaces.
      const stdout = run.stdout.replace(/[\u00a0\u202f]/g, ' ');
      const steps = [...stdout.matchAll(/=== Étape \d+ : (.+)/g)].map(([, title]) => title);
      expect(steps).toEqual([
        'démarrage',
        "import du fichier d'exemple",
        'rapport mensuel de Lyon',
        'le tableau de bord',
        'ouverture de Toulouse, sans toucher à la passerelle',
        'arrêt du traitement de Marseille',
        'retour de Marseille',
        'arrêt',
      ]);
      // The sample's 50 000 rows are all valid.
      expect(stdout).toContain('50 000 transactions acceptées, 0 rejetées');
      expect(stdout).toMatch(/^Lyon +2025-12 /m);
      // 42 990 € of sale and 12 months of 690 € of rent.
      expect(stdout).toContain("Chiffre d'affaires de Toulouse : 51 270,00 €.");
      expect(stdout).toContain('Rapport complet : HTTP 503 CITY_UNAVAILABLE');
      expect(stdout).toContain(
        'Rapport partiel (partial=true) : HTTP 200, villes manquantes : Marseille',
      );
      expect(stdout).toContain('Rapport complet : HTTP 200, villes manquantes : aucune');
      expect(stdout).toContain('Tous les processus sont arrêtés.');
    });
  });
}
