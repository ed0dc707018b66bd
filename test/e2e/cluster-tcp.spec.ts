import { describe, jest } from '@jest/globals';
import { clusterScenarios } from '../support/cluster-scenarios.js';

jest.setTimeout(60_000);

describe('cluster over TCP (gateway + 3 city workers as processes)', () => {
  clusterScenarios('tcp', () => '');
});
